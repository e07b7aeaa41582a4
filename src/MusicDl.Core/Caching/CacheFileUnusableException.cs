namespace MusicDl.Caching;

/// <summary>The cache file named cannot be one (a folder is in its place): the cache commands stop with exit 3.</summary>
public sealed class CacheFileUnusableException : Exception
{
    public CacheFileUnusableException()
    {
    }

    public CacheFileUnusableException(string message)
        : base(message)
    {
    }

    public CacheFileUnusableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
