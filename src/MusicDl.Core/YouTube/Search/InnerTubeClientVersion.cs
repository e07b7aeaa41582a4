using System.Globalization;

namespace MusicDl.YouTube.Search;

/// <summary>
/// InnerTube web clients accept a version built from a recent date ("1.YYYYMMDD.01.00");
/// taking today's UTC date keeps it from ever looking stale.
/// </summary>
internal static class InnerTubeClientVersion
{
    public static string For(int major, TimeProvider time) =>
        string.Create(CultureInfo.InvariantCulture, $"{major}.{time.GetUtcNow():yyyyMMdd}.01.00");
}
