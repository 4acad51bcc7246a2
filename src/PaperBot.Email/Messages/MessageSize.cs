using MimeKit;

namespace PaperBot.Email.Messages;

/// <summary>
/// The size of a message written with LF line ends (as <c>WriteTo</c> writes it here), counted without keeping the
/// bytes. It is written in its wire form (CRLF), which encoded parts copy as they are, and each CRLF counted as one byte.
/// </summary>
public static class MessageSize
{
    private static readonly FormatOptions Wire = new() { NewLineFormat = NewLineFormat.Dos };

    public static long Of(MimeMessage message)
    {
        using var counter = new CountingStream();
        message.WriteTo(Wire, counter);
        return counter.Length - counter.Lines;
    }

    private sealed class CountingStream : Stream
    {
        private long _length;
        public long Lines { get; private set; }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _length += buffer.Length;
            Lines += buffer.Count((byte)'\n');
        }

        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
