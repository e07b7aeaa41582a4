namespace MusicDl.Tests.Harness;

/// <summary>
/// Whether this test process inherited SIGINT as ignored: a suite started in the background of a script (<c>cmd &amp;</c>,
/// nohup) does. The ignore passes on to every child, and .NET (like a shell) leaves an inherited ignored SIGINT alone,
/// so a child musicdl would never see a test's Ctrl+C.
/// </summary>
internal static class InheritedSignals
{
    private const ulong SigintBit = 1UL << (2 - 1);

    public static bool SigintIgnored { get; } = ReadSigintIgnored();

    private static bool ReadSigintIgnored()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null
            && ulong.TryParse(line["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var mask)
            && (mask & SigintBit) != 0;
    }
}
