using System.Text.Json;
using MusicDl.Tests.Harness;

namespace MusicDl.Tests.EndToEnd;

/// <summary>The JSON Lines a `--json` run printed: every line parsed (a line that is not JSON fails the test).</summary>
public sealed class RunOutput
{
    public RunOutput(MusicDlResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Result = result;
        Lines = result.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
    }

    public MusicDlResult Result { get; }

    public IReadOnlyList<JsonElement> Lines { get; }

    /// <summary>Track lines (they carry spotify_id, null for entries that are not tracks).</summary>
    public IReadOnlyList<JsonElement> Tracks => Lines.Where(l => l.TryGetProperty("spotify_id", out _)).ToList();

    public JsonElement Summary => Lines[^1].GetProperty("summary");

    public IReadOnlyList<JsonElement> WithStatus(string status) =>
        Tracks.Where(t => t.GetProperty("status").GetString() == status).ToList();

    public int Requests(string service) => Summary.GetProperty("requests").GetProperty(service).GetInt32();

    public override string ToString() => Result.ToString();
}
