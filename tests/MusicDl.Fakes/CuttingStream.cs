using Microsoft.AspNetCore.Http;

namespace MusicDl.Fakes;

/// <summary>Passes bytes through until a limit, then aborts the connection, as a dropped download does.</summary>
internal sealed class CuttingStream(Stream inner, long limit, HttpContext context) : Stream
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
        if (room <= 0)
        {
            context.Abort();
            return;
        }

        var part = buffer.Length <= room ? buffer : buffer[..(int)room];
        await inner.WriteAsync(part, cancellationToken).ConfigureAwait(false);
        _written += part.Length;
        if (_written >= limit)
        {
            await inner.FlushAsync(cancellationToken).ConfigureAwait(false);
            context.Abort();
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
}
