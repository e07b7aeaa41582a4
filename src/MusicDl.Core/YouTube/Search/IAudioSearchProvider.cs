namespace MusicDl.YouTube.Search;

/// <summary>A search service the matcher can ask (YouTube Music, plain YouTube).</summary>
public interface IAudioSearchProvider
{
    /// <summary>The provider name, as <c>audio_providers</c> lists it.</summary>
    string Name { get; }

    /// <summary>HTTP requests sent so far (for the run summary).</summary>
    long RequestCount { get; }

    /// <summary>Whether the provider can honour <paramref name="filter"/> (plain YouTube only knows videos).</summary>
    bool Supports(SearchFilter filter);

    /// <summary>The first page of results. Throws the search service's <see cref="Http.ServiceException"/>.</summary>
    Task<SearchPage> SearchAsync(string query, SearchFilter filter, CancellationToken cancellationToken = default);

    /// <summary>The page after one that returned <paramref name="continuationToken"/>, for the same query and filter.</summary>
    Task<SearchPage> ContinueAsync(string query, SearchFilter filter, string continuationToken, CancellationToken cancellationToken = default);
}
