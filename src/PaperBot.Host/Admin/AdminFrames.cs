using System.Buffers.Binary;
using System.Text;

namespace PaperBot.Host.Admin;

/// <summary>
/// The admin route's reply: a stream of frames, so a verb's stdout and stderr arrive interleaved as it writes them,
/// followed by its exit code. A frame is one kind byte, a 4-byte little-endian length and that many bytes
/// (UTF-8 text, or the exit code as a 4-byte integer).
/// </summary>
internal static class AdminFrames
{
    public const byte Out = (byte)'o';
    public const byte Err = (byte)'e';
    public const byte Exit = (byte)'x';

    public static async Task WriteAsync(Stream stream, byte kind, ReadOnlyMemory<byte> payload, CancellationToken ct)
    {
        var header = new byte[5];
        header[0] = kind;
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(1), payload.Length);
        await stream.WriteAsync(header, ct);
        await stream.WriteAsync(payload, ct);
    }

    public static Task WriteTextAsync(Stream stream, byte kind, string text, CancellationToken ct) =>
        WriteAsync(stream, kind, Encoding.UTF8.GetBytes(text), ct);

    public static Task WriteExitAsync(Stream stream, int code, CancellationToken ct)
    {
        var payload = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(payload, code);
        return WriteAsync(stream, Exit, payload, ct);
    }

    /// <summary>The next frame, or null at the end of the stream.</summary>
    public static async Task<(byte Kind, byte[] Payload)?> ReadAsync(Stream stream, CancellationToken ct)
    {
        var header = new byte[5];
        var read = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct);
        if (read < header.Length) return null;
        var length = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(1));
        if (length < 0) throw new InvalidDataException($"a frame of negative length {length}");
        var payload = new byte[length];
        if (await stream.ReadAtLeastAsync(payload, length, throwOnEndOfStream: false, ct) < length) return null;
        return (header[0], payload);
    }

    public static int ExitCode(byte[] payload) => BinaryPrimitives.ReadInt32LittleEndian(payload);
}
