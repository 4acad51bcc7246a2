namespace PaperBot.Email.Transport;

/// <summary>
/// Collects what MailKit writes and hands it to the socket in one piece when MailKit flushes, and before any read.
/// MailKit writes a message in 4 KB pieces, one send each; a 69 KB digest became ~20 sends here and as many wake-ups
/// on the server's side. Sending before reading keeps any request/response exchange (SMTP, a TLS handshake) going.
/// </summary>
internal sealed class BatchingStream(Stream inner) : Stream
{
    /// <summary>Beyond this, pending bytes go out without waiting for a flush: memory stays bounded.</summary>
    private const int MaxPending = 256 * 1024;

    private readonly MemoryStream _pending = new();

    public override bool CanRead => true;
    public override bool CanWrite => true;
    public override bool CanSeek => false;
    public override bool CanTimeout => inner.CanTimeout;

    public override int ReadTimeout { get => inner.ReadTimeout; set => inner.ReadTimeout = value; }
    public override int WriteTimeout { get => inner.WriteTimeout; set => inner.WriteTimeout = value; }

    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _pending.Write(buffer);
        if (_pending.Length >= MaxPending) Flush();
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _pending.Write(buffer.Span);
        return _pending.Length >= MaxPending ? new ValueTask(FlushAsync(cancellationToken)) : ValueTask.CompletedTask;
    }

    public override void Flush()
    {
        if (_pending.Length > 0) inner.Write(_pending.GetBuffer(), 0, (int)_pending.Length);
        _pending.SetLength(0);
        inner.Flush();
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Length > 0) await inner.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), cancellationToken);
        _pending.SetLength(0);
        await inner.FlushAsync(cancellationToken);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_pending.Length > 0) Flush();
        return inner.Read(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_pending.Length > 0) await FlushAsync(cancellationToken);
        return await inner.ReadAsync(buffer, cancellationToken);
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _pending.Dispose();
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
