namespace MusicDl.Fakes;

/// <summary>Passes bytes through until a limit, flushes them, then stalls until the client gives up (headers sent, body stuck).</summary>
internal sealed class StallingStream(Stream inner, long limit, CancellationToken aborted) : Stream
{
    private long _written;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _written; set => throw new NotSupportedException(); }

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
        var part = buffer.Length <= room ? buffer : buffer[..(int)Math.Max(0, room)];
        if (part.Length > 0)
        {
            await inner.WriteAsync(part, cancellationToken).ConfigureAwait(false);
            _written += part.Length;
        }

        if (_written >= limit)
        {
            await inner.FlushAsync(cancellationToken).ConfigureAwait(false);
            await Task.Delay(Timeout.Infinite, aborted).ConfigureAwait(false);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
}
