namespace MusicDl.Configuration;

/// <summary><c>auto</c>, <c>disable</c> or a fixed rate in kbit/s (<c>128k</c>).</summary>
public readonly record struct Bitrate(BitrateMode Mode, int Kbps)
{
    public static Bitrate Auto => new(BitrateMode.Auto, 0);

    public static Bitrate Disable => new(BitrateMode.Disable, 0);

    public static Bitrate Fixed(int kbps) => new(BitrateMode.Fixed, kbps);

    public static bool TryParse(string? text, out Bitrate bitrate)
    {
        bitrate = Auto;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var t = text.Trim().ToLowerInvariant();
        switch (t)
        {
            case "auto":
                bitrate = Auto;
                return true;
            case "disable":
            case "disabled":
            case "none":
                bitrate = Disable;
                return true;
        }

        var digits = t.EndsWith('k') ? t[..^1] : t;
        if (int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 8 and <= 512)
        {
            bitrate = Fixed(n);
            return true;
        }

        return false;
    }

    public override string ToString() => Mode switch
    {
        BitrateMode.Auto => "auto",
        BitrateMode.Disable => "disable",
        _ => $"{Kbps}k",
    };
}
