using System.Text.RegularExpressions;

namespace MusicDl.Configuration;

/// <summary>Hides secrets inside values that are otherwise worth showing (Redis connection strings, URLs with credentials).</summary>
public static partial class SecretMasker
{
    public const string Mask = "********";

    /// <summary>
    /// Masks <c>password=...</c> in a StackExchange.Redis connection string and the password of a
    /// <c>redis://user:password@host</c> URL; null stays null.
    /// </summary>
    public static string? MaskConnectionString(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var masked = PasswordOption().Replace(value, m => m.Groups[1].Value + Mask);
        return UserInfoPassword().Replace(masked, m => m.Groups[1].Value + Mask + "@");
    }

    /// <summary>The password inside a connection string, if any, so it can be kept out of every log line.</summary>
    public static string? RedisPassword(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var option = PasswordOption().Match(value);
        if (option.Success)
        {
            return value[(option.Groups[1].Index + option.Groups[1].Length)..(option.Index + option.Length)].Trim();
        }

        var userInfo = UserInfoPassword().Match(value);
        return userInfo.Success ? value[(userInfo.Groups[1].Index + userInfo.Groups[1].Length)..(userInfo.Index + userInfo.Length - 1)] : null;
    }

    // The value runs to the next comma (StackExchange.Redis option separator).
    [GeneratedRegex(@"((?:^|,)\s*password\s*=)[^,]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PasswordOption();

    [GeneratedRegex(@"(://[^:/@\s]*:)[^@/\s]*@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfoPassword();
}
