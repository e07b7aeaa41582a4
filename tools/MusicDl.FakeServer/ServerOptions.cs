using System.Globalization;

namespace MusicDl.FakeServer;

/// <summary>Command-line options of the scenario fake server.</summary>
public sealed record ServerOptions
{
    public int Port { get; init; }

    public int Tracks { get; init; } = 1000;

    public int TracksPerAlbum { get; init; } = 10;

    public int LatencyMs { get; init; } = 50;

    public int AudioSeconds { get; init; } = 30;

    /// <summary>The try-out catalogue (<see cref="DemoCatalogue"/>) instead of <see cref="Tracks"/> generated tracks.</summary>
    public bool Demo { get; init; }

    /// <summary>
    /// A service that accepts connections and never answers: search, player, media, spotify or covers (issue 12), or
    /// optional (LRCLIB and MusicBrainz, issue 22).
    /// </summary>
    public string? BlackHole { get; init; }

    public static readonly IReadOnlyList<string> BlackHoles = ["search", "player", "media", "spotify", "covers", "optional"];

    /// <summary>Parses <c>--demo --port N --tracks N --per-album N --latency-ms N --audio-seconds N --black-hole SERVICE</c>; throws with a one-line message on bad input.</summary>
    public static ServerOptions Parse(IReadOnlyList<string> args)
    {
        var options = new ServerOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--demo")
            {
                options = options with { Demo = true };
                continue;
            }

            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{name} needs a value.");
            }

            if (name == "--black-hole")
            {
                var service = args[++i];
                options = BlackHoles.Contains(service)
                    ? options with { BlackHole = service }
                    : throw new ArgumentException($"--black-hole takes one of {string.Join(", ", BlackHoles)}, not '{service}'.");
                continue;
            }

            var value = ParseNumber(name, args[++i]);
            options = name switch
            {
                "--port" => options with { Port = value },
                "--tracks" => options with { Tracks = Positive(name, value) },
                "--per-album" => options with { TracksPerAlbum = Positive(name, value) },
                "--latency-ms" => options with { LatencyMs = value },
                "--audio-seconds" => options with { AudioSeconds = Positive(name, value) },
                _ => throw new ArgumentException($"Unknown option {name} (known: --demo, --port, --tracks, --per-album, --latency-ms, --audio-seconds, --black-hole)."),
            };
        }

        return options;
    }

    private static int ParseNumber(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new ArgumentException($"{name} takes a non-negative whole number, not '{text}'.");

    private static int Positive(string name, int value) =>
        value > 0 ? value : throw new ArgumentException($"{name} must be at least 1.");
}
