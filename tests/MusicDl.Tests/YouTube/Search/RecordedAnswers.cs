using System.Text.Json;

namespace MusicDl.Tests.YouTube.Search;

/// <summary>The real YouTube Music answers copied into Fixtures/YouTube.</summary>
internal static class RecordedAnswers
{
    public static JsonDocument Load(string name) =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "YouTube", name)));
}
