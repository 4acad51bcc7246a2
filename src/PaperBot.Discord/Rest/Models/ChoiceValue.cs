using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaperBot.Discord.Rest.Models;

/// <summary>A choice's value: Discord sends and accepts either a JSON string or a JSON number.</summary>
public readonly record struct ChoiceValue(string? AsText, double? AsNumber)
{
    public static ChoiceValue Text(string value) => new(value, null);

    public static ChoiceValue Number(double value) => new(null, value);

    public override string ToString() => AsText ?? AsNumber?.ToString(CultureInfo.InvariantCulture) ?? "";
}

public sealed class ChoiceValueConverter : JsonConverter<ChoiceValue>
{
    public override ChoiceValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => ChoiceValue.Text(reader.GetString()!),
        JsonTokenType.Number => ChoiceValue.Number(reader.GetDouble()),
        _ => throw new JsonException($"A choice value is a string or a number, not {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, ChoiceValue value, JsonSerializerOptions options)
    {
        if (value.AsText is { } text) writer.WriteStringValue(text);
        else writer.WriteNumberValue(value.AsNumber ?? 0);
    }
}
