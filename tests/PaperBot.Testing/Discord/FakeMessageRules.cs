using System.Text.Json.Nodes;

namespace PaperBot.Testing.Discord;

/// <summary>Discord's documented runtime rules for a message body (docs: Create Message, Embed Limits), which the
/// OpenAPI spec does not enforce: the fake answers 50035 with Discord's nested field errors when one is broken.</summary>
internal static class FakeMessageRules
{
    public static JsonObject? Check(JsonObject body, bool requireContentOrEmbeds)
    {
        var errors = new JsonObject();
        var content = body["content"]?.GetValue<string>();
        if (content is { Length: > 2000 }) Add(errors, ["content"], "BASE_TYPE_MAX_LENGTH", "Must be 2000 or fewer in length.");
        var embeds = body["embeds"] as JsonArray;
        if (embeds is { Count: > 10 }) Add(errors, ["embeds"], "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.");
        if (requireContentOrEmbeds && string.IsNullOrEmpty(content) && embeds is not { Count: > 0 } && body["components"] is null)
            return Single("(body)", "MESSAGE_EMPTY", "Cannot send an empty message");
        var total = 0;
        for (var i = 0; embeds is not null && i < embeds.Count; i++)
        {
            if (embeds[i] is not JsonObject e) continue;
            total += Text(errors, ["embeds", $"{i}", "title"], e["title"], 256);
            total += Text(errors, ["embeds", $"{i}", "description"], e["description"], 4096);
            total += Text(errors, ["embeds", $"{i}", "footer", "text"], e["footer"]?["text"], 2048);
            if (e["fields"] is JsonArray fields)
            {
                if (fields.Count > 25) Add(errors, ["embeds", $"{i}", "fields"], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
                for (var f = 0; f < fields.Count; f++)
                {
                    total += Text(errors, ["embeds", $"{i}", "fields", $"{f}", "name"], fields[f]?["name"], 256);
                    total += Text(errors, ["embeds", $"{i}", "fields", $"{f}", "value"], fields[f]?["value"], 1024);
                }
            }
            if (e["url"]?.GetValue<string>() is { } url && !(url.StartsWith("http://", StringComparison.Ordinal) || url.StartsWith("https://", StringComparison.Ordinal)))
                Add(errors, ["embeds", $"{i}", "url"], "URL_TYPE_INVALID_URL", "Not a well formed URL.");
        }
        if (total > 6000) Add(errors, ["embeds"], "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000");
        if (body["nonce"]?.GetValue<string>() is { Length: > 25 }) Add(errors, ["nonce"], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
        return errors.Count == 0 ? null : errors;
    }

    private static int Text(JsonObject errors, string[] path, JsonNode? node, int max)
    {
        var text = node?.GetValue<string>();
        if (text is null) return 0;
        if (text.Trim().Length > max) Add(errors, path, "BASE_TYPE_MAX_LENGTH", $"Must be {max} or fewer in length.");
        return text.Trim().Length;
    }

    private static JsonObject Single(string path, string code, string message)
    {
        var errors = new JsonObject();
        Add(errors, [path], code, message);
        return errors;
    }

    private static void Add(JsonObject errors, string[] path, string code, string message)
    {
        var node = errors;
        foreach (var part in path)
        {
            if (node[part] is not JsonObject next) node[part] = next = new JsonObject();
            node = next;
        }
        if (node["_errors"] is not JsonArray list) node["_errors"] = list = new JsonArray();
        list.Add(new JsonObject { ["code"] = code, ["message"] = message });
    }
}
