using MusicDl.Downloading;
using MusicDl.Library;
using MusicDl.Models;

namespace MusicDl.Runs;

/// <summary>
/// <c>sync --prune</c>: only playlists and albums (and Liked Songs) read in full this run lose the files of tracks they
/// no longer list; a source that failed to load, an artist or a single track prunes nothing, and nor does a run that
/// was interrupted or stopped.
/// </summary>
internal static class SyncPruner
{
    public static async Task<IReadOnlyList<TrackOutcome>> PruneAsync(
        MusicLibrary library,
        IReadOnlyList<SpotifySource> sources,
        RunResult result,
        bool dryRun,
        Action<TrackOutcome> finished,
        CancellationToken cancellationToken)
    {
        var pruned = new List<TrackOutcome>();
        if (result.AbortMessage is not null || result.Interrupted)
        {
            return pruned;
        }

        var read = result.ResolvedSources.ToDictionary(r => r.Source.Uri, StringComparer.Ordinal);
        foreach (var asked in sources.Where(s => s.Kind is SourceKind.Playlist or SourceKind.Album or SourceKind.LikedSongs))
        {
            if (!read.TryGetValue(asked.Uri, out var source) || result.SourceFailures.Any(f => f.Source == asked.Uri) || source.MayBeCut)
            {
                continue;
            }

            var current = source.Entries.Where(e => e.Track is not null).Select(e => e.Track!.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var path in await library.PruneAsync(source.Source.Uri, current, dryRun, cancellationToken))
            {
                var outcome = new TrackOutcome
                {
                    Title = Path.GetFileNameWithoutExtension(path),
                    Sources = [source.Source.Uri],
                    Status = dryRun ? TrackStatus.Planned : TrackStatus.Pruned,
                    Path = Path.GetFullPath(Path.Combine(library.Root, path)),
                    Error = dryRun ? "would be pruned" : null,
                };
                pruned.Add(outcome);
                finished(outcome);
            }
        }

        return pruned;
    }
}
