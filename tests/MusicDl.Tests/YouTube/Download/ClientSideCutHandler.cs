namespace MusicDl.Tests.YouTube.Download;

/// <summary>Drops the body of one chosen request after a set number of bytes, on the client side, so a test knows exactly where the cut was.</summary>
internal sealed class ClientSideCutHandler(int requestNumber, int cutAfter) : DelegatingHandler(new HttpClientHandler())
{
    private int _count;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (Interlocked.Increment(ref _count) != requestNumber)
        {
            return response;
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = response.Content.Headers.ToList();
        response.Content = new StreamContent(new CutStream(bytes, cutAfter));
        foreach (var (name, values) in headers)
        {
            response.Content.Headers.TryAddWithoutValidation(name, values);
        }

        return response;
    }
}
