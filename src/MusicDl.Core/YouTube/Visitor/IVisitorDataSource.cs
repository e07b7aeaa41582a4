namespace MusicDl.YouTube.Visitor;

/// <summary>Where YouTube visitor data comes from (the service, or the cache in front of it).</summary>
public interface IVisitorDataSource
{
    /// <summary>A visitor data value; throws <see cref="VisitorDataException"/> when none could be had.</summary>
    Task<string> FetchAsync(CancellationToken cancellationToken = default);
}
