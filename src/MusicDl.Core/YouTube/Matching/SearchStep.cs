using MusicDl.YouTube.Search;

namespace MusicDl.YouTube.Matching;

/// <summary>One search of the strategy: a provider, a filter and a query.</summary>
internal sealed record SearchStep(IAudioSearchProvider Provider, SearchFilter Filter, string Query, bool IsIsrc)
{
    /// <summary>The audio_search key: provider + filter + normalised query.</summary>
    public string CacheKey => $"{Provider.Name}|{Filter.ToString().ToLowerInvariant()}|{TextNormalizer.CacheKey(Query)}";
}
