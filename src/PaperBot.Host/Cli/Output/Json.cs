using System.Text.Json;
using System.Text.Json.Serialization;
using PaperBot.Core.Papers;

namespace PaperBot.Host.Cli.Output;

/// <summary>--json output: one indented document on stdout, camelCase, enums and ids as strings.</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Titles with quotes and accents stay readable; this output is never embedded in HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase), new PaperIdConverter() },
    };

    public static void Write<T>(TextWriter writer, T value) => writer.WriteLine(JsonSerializer.Serialize(value, Options));

    private sealed class PaperIdConverter : JsonConverter<PaperId>
    {
        public override PaperId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            PaperId.Parse(reader.GetString() ?? "");

        public override void Write(Utf8JsonWriter writer, PaperId value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Value);
    }
}
