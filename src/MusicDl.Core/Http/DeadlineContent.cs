using System.Net;

namespace MusicDl.Http;

/// <summary>A response body read under the request's deadline; owns the deadline and disposes it with the body.</summary>
internal sealed class DeadlineContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly CancellationTokenSource _deadline;
    private readonly CancellationTokenSource _linked;
    private readonly string _message;

    public DeadlineContent(HttpContent inner, CancellationTokenSource deadline, CancellationTokenSource linked, string message)
    {
        _inner = inner;
        _deadline = deadline;
        _linked = linked;
        _message = message;
        foreach (var header in inner.Headers)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _deadline.Token);
        try
        {
            var stream = await _inner.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
            return new DeadlineStream(stream, _deadline, _message);
        }
        catch (OperationCanceledException ex) when (_deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new RequestTimedOutException(_message, ex);
        }
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var body = await CreateContentReadStreamAsync(cancellationToken).ConfigureAwait(false);
        await body.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            _linked.Dispose();
            _deadline.Dispose();
        }

        base.Dispose(disposing);
    }
}
