namespace PaperBot.Email.Messages;

/// <summary>Reads a list of byte pieces as one stream (read-only, seekable): the content of an <see cref="EncodedTextPart"/>.</summary>
internal sealed class SegmentStream(IReadOnlyList<ReadOnlyMemory<byte>> pieces) : Stream
{
    private readonly long _length = pieces.Sum(p => (long)p.Length);
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => _position = Math.Clamp(value, 0, _length);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = 0;
        long start = 0;
        foreach (var piece in pieces)
        {
            if (buffer.Length == 0) break;
            var end = start + piece.Length;
            if (_position < end)
            {
                var from = (int)(_position - start);
                var n = Math.Min(piece.Length - from, buffer.Length);
                piece.Span.Slice(from, n).CopyTo(buffer);
                buffer = buffer[n..];
                _position += n;
                read += n;
            }
            start = end;
        }
        return read;
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => _length + offset,
    };

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
