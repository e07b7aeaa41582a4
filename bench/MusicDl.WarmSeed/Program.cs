using MusicDl.Audio;
using MusicDl.Caching;
using MusicDl.Configuration;
using MusicDl.Downloading;
using MusicDl.Library;
using MusicDl.Models;
using MusicDl.Output;
using MusicDl.Spotify;
using MusicDl.Tagging;
using MusicDl.YouTube.Matching;

// Seeds a library for bench/scenario.sh's large warm case without downloading: the real pipeline (Downloader,
// TrackLibrary, MusicLibrary, the Spotify client and cache of the config) with the YouTube search replaced by a fixed
// match and the download + conversion by a copy of one small audio file. The files, their tags, the path claims and
// the state rows are those a real run writes, and the Spotify cache is filled, so the next musicdl run is a warm one.
//
// Usage: musicdl-warmseed CONFIG AUDIO_FILE SPOTIFY_URL  (endpoints and credentials from the environment, as musicdl)
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: MusicDl.WarmSeed CONFIG AUDIO_FILE SPOTIFY_URL");
    return 2;
}

var (configPath, audioFile, url) = (args[0], Path.GetFullPath(args[1]), args[2]);
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

// As Program.Main does: the process's environment handed to the loader (Core reads none itself).
var environment = System.Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
    .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? string.Empty, StringComparer.Ordinal);
var loader = new ConfigLoader(environment);
var settings = (await loader.LoadAsync(configPath, stop.Token)).Settings;
settings = settings with { CacheFile = settings.CacheFile ?? CachePaths.DefaultFile(name => environment.GetValueOrDefault(name), OperatingSystem.IsWindows()) };
var time = TimeProvider.System;
await using var cache = CacheFactory.Create(settings, time);
var loginDirectory = Path.GetDirectoryName(loader.Paths.DefaultConfigFile)!;
using var spotify = SpotifyClient.Create(settings, cache, new SpotifyClientOptions { ConfigDirectory = loginDirectory, TimeProvider = time, RequestTimeout = settings.RequestTimeout });
await using var library = await MusicLibrary.OpenAsync(settings.OutputDir, time: time, cancellationToken: stop.Token);

// No covers, lyrics or ReplayGain: nothing the warm path reads, and no file is left lacking a part (it would be re-tagged).
var trackLibrary = new TrackLibrary(library, PathTemplate.Parse(settings.Output), settings.Format, new TagWriter(settings.Id3Version), replayGain: false);
var downloader = new Downloader(new SpotifyTrackResolver(spotify), new FixedMatcher(), new CopyProducer(audioFile), trackLibrary, time);
var result = await downloader.RunAsync(new DownloadRequest([SpotifyUrlParser.Parse(url)], settings with { ReplayGain = false }), stop.Token);

var placed = result.Outcomes.Count(o => o.Status is TrackStatus.Downloaded or TrackStatus.Skipped);
Console.Error.WriteLine($"seeded {placed} of {result.Outcomes.Count} tracks into {library.Root} in {result.Elapsed.TotalSeconds:0.0} s");
return placed == result.Outcomes.Count && result.SourceFailures.Count == 0 ? 0 : 1;

/// <summary>Every track matches one video named after its Spotify id (what a search would have found).</summary>
internal sealed class FixedMatcher : ITrackMatcher
{
    public Task<MatchResult> MatchAsync(Track track, CancellationToken cancellationToken) =>
        Task.FromResult(new MatchResult { Status = MatchStatus.Matched, VideoId = "b" + track.Id[^10..], Provider = "seed", Score = 1 });

    public Task<MatchResult> RematchAsync(Track track, string unavailableVideoId, CancellationToken cancellationToken) =>
        MatchAsync(track, cancellationToken);
}

/// <summary>The "download": a copy of one small, valid audio file of the run's format.</summary>
internal sealed class CopyProducer(string audioFile) : IAudioProducer
{
    public async Task<Loudness?> ProduceAsync(MatchResult match, AudioFormat format, string destinationPath, CancellationToken cancellationToken)
    {
        await using (var from = File.OpenRead(audioFile))
        await using (var to = File.Create(destinationPath))
        {
            await from.CopyToAsync(to, cancellationToken);
        }

        return null;
    }
}
