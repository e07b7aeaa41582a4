namespace MusicDl.Fakes.Spotify;

/// <summary>Deterministic, valid 22-character base62 ids ("tr" + a number, padded).</summary>
public static class FakeSpotifyIds
{
    private static int _next;

    public static string Make(string prefix, int number)
    {
        var digits = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return prefix + new string('0', 22 - prefix.Length - digits.Length) + digits;
    }

    /// <summary>A fresh id, unique within the process.</summary>
    public static string Next(string prefix) => Make(prefix, Interlocked.Increment(ref _next));
}
