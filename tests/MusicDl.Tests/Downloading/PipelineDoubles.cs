using System.Collections.Concurrent;
using MusicDl.Audio;
using MusicDl.Configuration;
using MusicDl.Downloading;
using MusicDl.Models;
using MusicDl.Tagging;

namespace MusicDl.Tests.Downloading;

/// <summary>In-memory stand-ins for the pipeline's ports, recording every call.</summary>
internal sealed class FakeResolver : ITrackResolver
{
    public Dictionary<string, ResolvedSource> Sources { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Unavailable { get; } = new(StringComparer.Ordinal);

    public ConcurrentBag<string> Completed { get; } = [];

    /// <summary>Awaited before each source is read (a test holds the reads there); none when null.</summary>
    public Func<Task>? BeforeResolve { get; set; }

    public async Task<ResolvedSource> ResolveAsync(SpotifySource source, CancellationToken cancellationToken)
    {
        if (BeforeResolve is { } before)
        {
            await before();
        }

        if (Unavailable.Contains(source.Uri))
        {
            throw new SourceUnavailableException($"{source.Uri}: 404 not found");
        }

        return Sources[source.Uri];
    }

    /// <summary>Thrown by completing a track (Spotify failing for it); none when null.</summary>
    public Func<Track, Exception?>? CompleteFails { get; set; }

    public Task<Track> CompleteAsync(Track track, CancellationToken cancellationToken)
    {
        Completed.Add(track.Id);
        return CompleteFails?.Invoke(track) is { } failure
            ? Task.FromException<Track>(failure)
            : Task.FromResult(track with { Isrc = "ISRC" + track.Id[..4] });
    }

    /// <summary>Tracks completed for matching only (the ISRC, no album or artist).</summary>
    public ConcurrentBag<string> CompletedForMatch { get; } = [];

    public Task<Track> CompleteForMatchAsync(Track track, CancellationToken cancellationToken)
    {
        CompletedForMatch.Add(track.Id);
        return Task.FromResult(track with { Isrc = "ISRC" + track.Id[..4] });
    }
}

internal sealed class FakeMatcher : ITrackMatcher
{
    public HashSet<string> NotFound { get; } = new(StringComparer.Ordinal);

    public ConcurrentBag<string> Matched { get; } = [];

    public ConcurrentBag<string> Forgotten { get; } = [];

    /// <summary>Tracks pinned to their video by the overrides file (answered as an override, never searched).</summary>
    public HashSet<string> Pinned { get; } = new(StringComparer.Ordinal);

    /// <summary>A failure to throw instead of matching (a search service error, YouTube's session limit).</summary>
    public Func<Track, Exception?> Fail { get; set; } = _ => null;

    public Task<TrackMatch> MatchAsync(Track track, CancellationToken cancellationToken)
    {
        Matched.Add(track.Id);
        if (Fail(track) is { } failure)
        {
            return Task.FromException<TrackMatch>(failure);
        }

        if (NotFound.Contains(track.Id))
        {
            return Task.FromResult(new TrackMatch());
        }

        var video = Forgotten.Contains(track.Id) ? "new" + track.Id[..8] : "vid" + track.Id[..8];
        if (Pinned.Contains(track.Id))
        {
            return Task.FromResult(new TrackMatch { VideoId = video, Provider = "override", Score = 1, Pinned = true });
        }

        return Task.FromResult(new TrackMatch { VideoId = video, Provider = "youtube-music", Score = 0.95 });
    }

    public Task<TrackMatch> RematchAsync(Track track, string unavailableVideoId, CancellationToken cancellationToken)
    {
        Forgotten.Add(track.Id);
        return MatchAsync(track, cancellationToken);
    }
}

internal sealed class FakeProducer : IAudioProducer
{
    public Func<TrackMatch, Exception?> Fail { get; set; } = _ => null;

    public ConcurrentBag<string> Produced { get; } = [];

    public TaskCompletionSource? Gate { get; set; }

    /// <summary>Every video asked for, produced or not.</summary>
    public ConcurrentBag<string> Asked { get; } = [];

    public async Task<Loudness?> ProduceAsync(TrackMatch match, AudioFormat format, string destinationPath, CancellationToken cancellationToken)
    {
        Asked.Add(match.VideoId!);
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (Fail(match) is { } ex)
        {
            throw ex;
        }

        Produced.Add(match.VideoId!);
        return null;
    }
}

/// <summary>The library and its tagger in one: what a test asserts is which tracks were stored, re-tagged, finished.</summary>
internal sealed class FakeLibrary : ITrackLibrary, ITrackTagger
{
    public HashSet<string> Present { get; } = new(StringComparer.Ordinal);

    public ConcurrentBag<string> Stored { get; } = [];

    public ConcurrentBag<string> Retagged { get; } = [];

    public ConcurrentBag<string> Playlists { get; } = [];

    /// <summary>The backlog probe the run starts (a test holds it there); none when null.</summary>
    public Func<CancellationToken, Task>? Probe { get; set; }

    public Task ProbeBacklogAsync(CancellationToken cancellationToken) => Probe?.Invoke(cancellationToken) ?? Task.CompletedTask;

    public Task<LibraryPresence> InspectAsync(PlannedTrack track, CancellationToken cancellationToken)
    {
        var path = "/music/" + track.Track.Title + ".mp3";
        return Task.FromResult(new LibraryPresence(Present.Contains(track.Track.Id), path, [path]));
    }

    public Task<StagedTrack> StageAsync(PlannedTrack track, CancellationToken cancellationToken) =>
        Task.FromResult(new StagedTrack(track, [(track.Track.Title + ".mp3", [])], "/music/.tmp"));

    public Task<TaggedFile> TagAsync(StagedTrack staged, Track full, string? videoId, Loudness? loudness, CancellationToken cancellationToken) =>
        Task.FromResult(new TaggedFile(new TagSet { Title = full.Title }, "fingerprint", null, []));

    public Task<KnownTags> PlaceAsync(StagedTrack staged, Track full, string? videoId, TaggedFile tagged, CancellationToken cancellationToken) =>
        Task.FromResult(new KnownTags(tagged.Fingerprint, 0, 0));

    public Task PlacedAsync(StagedTrack staged, Track full, string? videoId, TaggedFile tagged, KnownTags placed, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<string>> PlaceCopiesAsync(StagedTrack staged, Track full, string? videoId, TaggedFile tagged, CancellationToken cancellationToken)
    {
        Stored.Add(staged.Track.Track.Id);
        return Task.FromResult<IReadOnlyList<string>>(["/music/" + staged.Track.Track.Title + ".mp3"]);
    }

    public Task DiscardAsync(StagedTrack staged, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<bool> RetagAsync(PlannedTrack track, Track full, CancellationToken cancellationToken)
    {
        Retagged.Add(full.Id);
        return Task.FromResult(true);
    }

    public ConcurrentBag<string> Finished { get; } = [];

    /// <summary>Runs inside each album pass call before it counts as finished (a test holds or fails it there).</summary>
    public Func<IReadOnlyList<(PlannedTrack Track, Track Full)>, CancellationToken, Task>? DuringFinish { get; set; }

    public async Task FinishAlbumsAsync(IReadOnlyList<(PlannedTrack Track, Track Full)> placed, IReadOnlyList<(PlannedTrack Track, Track Full)> present, CancellationToken cancellationToken)
    {
        if (DuringFinish is { } during)
        {
            await during(placed, cancellationToken);
        }

        foreach (var (_, full) in placed)
        {
            Finished.Add(full.Id);
        }
    }

    public Task WritePlaylistAsync(ResolvedSource source, IReadOnlyDictionary<string, string> pathsByTrackId, CancellationToken cancellationToken)
    {
        Playlists.Add(source.Source.Uri);
        return Task.CompletedTask;
    }
}
