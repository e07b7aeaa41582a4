namespace MusicDl.Tests.YouTube.Download;

/// <summary>The first bytes of a body, then an IOException as from a reset connection.</summary>
internal sealed class CutStream(byte[] bytes, int cutAfter) : MemoryStream(bytes, 0, Math.Min(cutAfter, bytes.Length))
{
    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = base.Read(buffer, offset, count);
        return n > 0 ? n : throw new IOException("connection reset (test cut)");
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await base.ReadAsync(buffer, cancellationToken);
        return n > 0 ? n : throw new IOException("connection reset (test cut)");
    }
}
