namespace MusicDl.Http;

/// <summary>
/// Reads a response body up to a limit, where the body is read: a service that answers megabytes where kilobytes are
/// due (or never stops) is refused at the limit instead of being buffered whole.
/// </summary>
internal static class BoundedBody
{
    /// <summary>The most a JSON answer of an open service (LRCLIB, MusicBrainz) may weigh.</summary>
    public const long JsonLimit = 4 * 1024 * 1024;

    /// <summary>
    /// The most a YouTube answer (InnerTube search or player JSON, sw.js_data, the home page) may weigh: real ones are
    /// under 2 MB; a larger one is an unreadable answer, like one cut short.
    /// </summary>
    public const long YouTubeLimit = 8 * 1024 * 1024;

    /// <summary>The most a cover image may weigh; a larger one is no cover.</summary>
    public const long CoverLimit = 10 * 1024 * 1024;

    /// <exception cref="BodyTooLargeException">The body (or its announced length) is over <paramref name="maxBytes"/>.</exception>
    public static async Task<byte[]> ReadAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Headers.ContentLength is { } announced && announced > maxBytes)
        {
            throw new BodyTooLargeException(maxBytes);
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new BodyTooLargeException(maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}

/// <summary>A response body over its limit (see <see cref="BoundedBody"/>).</summary>
internal sealed class BodyTooLargeException(long limit)
    : IOException($"the answer is larger than {limit / (1024 * 1024)} MB")
{
    public long Limit { get; } = limit;
}
