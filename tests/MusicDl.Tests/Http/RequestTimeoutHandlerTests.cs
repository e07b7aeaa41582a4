using System.Net;
using Microsoft.Extensions.Time.Testing;
using MusicDl.Http;

namespace MusicDl.Tests.Http;

public sealed class RequestTimeoutHandlerTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task A_server_that_never_answers_fails_with_a_timeout_once_request_timeout_passes()
    {
        var inner = new ScriptedHandler(async ct =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });
        using var http = new HttpClient(new RequestTimeoutHandler(Limit, _time, inner));

        var send = http.GetAsync(new Uri("http://127.0.0.1/search"));
        Assert.False(send.IsCompleted);
        _time.Advance(Limit);

        var ex = await Assert.ThrowsAsync<RequestTimedOutException>(() => send);
        Assert.Null(ex.StatusCode);
        Assert.Contains("request_timeout", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<HttpRequestException>(ex);
    }

    [Fact]
    public async Task Headers_followed_by_a_stalled_body_fail_with_a_timeout_too()
    {
        var body = new HeldStream();
        var inner = new ScriptedHandler(_ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body) }));
        using var http = new HttpClient(new RequestTimeoutHandler(Limit, _time, inner));

        using var response = await http.GetAsync(new Uri("http://127.0.0.1/player"), HttpCompletionOption.ResponseHeadersRead);
        var read = response.Content.ReadAsStringAsync();
        _time.Advance(Limit);

        await Assert.ThrowsAsync<RequestTimedOutException>(() => read);
    }

    [Fact]
    public async Task A_media_body_is_not_cut_by_request_timeout_only_its_headers_are_bounded()
    {
        var body = new HeldStream();
        var inner = new ScriptedHandler(_ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body) }));
        using var http = new HttpClient(new RequestTimeoutHandler(Limit, _time, inner));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("http://127.0.0.1/videoplayback"));
        request.Options.Set(RequestTimeoutHandler.HeadersOnly, true);

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var read = response.Content.ReadAsStringAsync();
        _time.Advance(Limit * 3);
        body.Release("audio bytes");

        Assert.Equal("audio bytes", await read);
    }

    [Fact]
    public async Task The_callers_own_cancellation_stays_a_cancellation()
    {
        var inner = new ScriptedHandler(async ct =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });
        using var http = new HttpClient(new RequestTimeoutHandler(Limit, _time, inner));
        using var cancel = new CancellationTokenSource();

        var send = http.GetAsync(new Uri("http://127.0.0.1/search"), cancel.Token);
        await cancel.CancelAsync();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);
        Assert.IsNotType<RequestTimedOutException>(ex.InnerException);
    }

    [Fact]
    public async Task An_answer_within_the_limit_is_read_whole()
    {
        var inner = new ScriptedHandler(_ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"ok\":true}") }));
        using var http = new HttpClient(new RequestTimeoutHandler(Limit, _time, inner));

        Assert.Equal("{\"ok\":true}", await http.GetStringAsync(new Uri("http://127.0.0.1/api")));
    }

    private sealed class ScriptedHandler(Func<CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => answer(cancellationToken);
    }

    /// <summary>A body whose first read waits until the test releases it (or the read is cancelled).</summary>
    private sealed class HeldStream : Stream
    {
        private readonly TaskCompletionSource<byte[]> _data = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private bool _done;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public void Release(string text) => _data.SetResult(System.Text.Encoding.UTF8.GetBytes(text));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_done)
            {
                return 0;
            }

            var data = await _data.Task.WaitAsync(cancellationToken);
            data.CopyTo(buffer);
            _done = true;
            return data.Length;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
