using System.Buffers;
using System.Text.Json;

namespace PaperBot.Discord.Gateway;

/// <summary>The three payloads PaperBot sends, written directly: small, fixed, and <c>d</c> of a first heartbeat must
/// be an explicit <c>null</c>.</summary>
internal static class GatewayPayloads
{
    /// <summary>Discord closes with 4002 on a larger payload.</summary>
    public const int MaxBytes = 4096;

    public static ReadOnlyMemory<byte> Heartbeat(int? sequence) => Write(GatewayOpcodes.Heartbeat, w =>
    {
        if (sequence is { } s) w.WriteNumberValue(s);
        else w.WriteNullValue();
    });

    /// <summary>Intents 0: INTERACTION_CREATE belongs to no intent and always arrives.</summary>
    public static ReadOnlyMemory<byte> Identify(string token) => Write(GatewayOpcodes.Identify, w =>
    {
        w.WriteStartObject();
        w.WriteString("token", token);
        w.WriteNumber("intents", 0);
        w.WriteStartObject("properties");
        w.WriteString("os", OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : "linux");
        w.WriteString("browser", "paperbot");
        w.WriteString("device", "paperbot");
        w.WriteEndObject();
        w.WriteEndObject();
    });

    public static ReadOnlyMemory<byte> Resume(string token, string sessionId, int? sequence) => Write(GatewayOpcodes.Resume, w =>
    {
        w.WriteStartObject();
        w.WriteString("token", token);
        w.WriteString("session_id", sessionId);
        if (sequence is { } s) w.WriteNumber("seq", s);
        else w.WriteNull("seq");
        w.WriteEndObject();
    });

    private static ReadOnlyMemory<byte> Write(int op, Action<Utf8JsonWriter> data)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("op", op);
            w.WritePropertyName("d");
            data(w);
            w.WriteEndObject();
        }
        if (buffer.WrittenCount > MaxBytes)
            throw new InvalidOperationException($"A gateway payload of {buffer.WrittenCount} bytes is over Discord's {MaxBytes}.");
        return buffer.WrittenMemory;
    }
}

/// <summary>A received payload <c>{op, d, s, t}</c>; <see cref="Data"/> lives as long as the document it was read from.</summary>
internal readonly record struct GatewayEvent(int Op, int? Sequence, string? Type, JsonElement Data)
{
    /// <exception cref="JsonException">Not a gateway payload.</exception>
    public static GatewayEvent From(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("op", out var op) || op.ValueKind != JsonValueKind.Number)
            throw new JsonException("a gateway payload without an op");
        int? s = root.TryGetProperty("s", out var seq) && seq.ValueKind == JsonValueKind.Number ? seq.GetInt32() : null;
        var t = root.TryGetProperty("t", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null;
        var d = root.TryGetProperty("d", out var data) ? data : default;
        return new GatewayEvent(op.GetInt32(), s, t, d);
    }
}
