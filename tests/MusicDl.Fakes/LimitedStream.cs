using Microsoft.AspNetCore.Http;

namespace MusicDl.Fakes;

/// <summary>
/// A response body that passes bytes through until a limit, flushes them, then does what the fault asks: stall until
/// the client gives up (headers sent, body stuck) or abort the connection (a dropped download).
/// </summary>
internal sealed class LimitedStream(Stream inner, long limit, Func<Stream, ValueTask> atLimit) : Stream
{
    private long _written;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _written; set => throw new NotSupportedException(); }

    /// <summary>Headers and the first <paramref name="limit"/> bytes reach the client; then nothing until it gives up.</summary>
    public static LimitedStream Stalling(Stream inner, long limit, CancellationToken aborted, Action? stalled = null) => new(inner, limit, async body =>
    {
        await body.FlushAsync(aborted).ConfigureAwait(false);
        stalled?.Invoke();
        await Task.Delay(Timeout.Infinite, aborted).ConfigureAwait(false);
    });

    /// <summary>The first <paramref name="limit"/> bytes reach the client; then the connection is aborted.</summary>
    public static LimitedStream Cutting(Stream inner, long limit, HttpContext context) => new(inner, limit, _ =>
    {
        context.Abort();
        return ValueTask.CompletedTask;
    });

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var room = limit - _written;
        if (room > 0)
        {
            var part = buffer.Length <= room ? buffer : buffer[..(int)room];
            await inner.WriteAsync(part, cancellationToken).ConfigureAwait(false);
            _written += part.Length;
            if (_written < limit)
            {
                return;
            }

            await inner.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        await atLimit(inner).ConfigureAwait(false);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
}
