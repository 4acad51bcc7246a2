using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NSec.Cryptography;
using PaperBot.Testing.Discord;

namespace PaperBot.EndToEnd.Harness;

/// <summary>
/// Discord's side of <c>POST /discord/interactions</c>: a fresh Ed25519 key per deployment (its public half is the
/// process's <c>Discord:PublicKey</c>), interactions built as Discord sends them and signed over timestamp + body.
/// </summary>
public sealed class DiscordInteractions : IDisposable
{
    public const string Guild = "500";
    public const string OtherGuild = "600";
    public const string Channel = "510";
    public const string ManageChannels = "16";
    public const string Member = "3072";

    private static int _nextId;
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
    private readonly FakeDiscordServer _discord;
    private HttpClient? _http;

    public DiscordInteractions(FakeDiscordServer discord) => _discord = discord;

    public string PublicKeyHex => Convert.ToHexStringLower(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    public void Connect(Uri baseUri)
    {
        _http?.Dispose();
        _http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
    }

    public static string Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public string Sign(string timestamp, string body) =>
        Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(_key, Encoding.UTF8.GetBytes(timestamp + body)));

    /// <summary>Posts raw bytes with whatever headers the test chose (forged, replayed, truncated …).</summary>
    public async Task<HttpResponseMessage> PostAsync(string body, string? timestamp, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (timestamp is not null) request.Headers.Add("X-Signature-Timestamp", timestamp);
        if (signature is not null) request.Headers.Add("X-Signature-Ed25519", signature);
        return await _http!.SendAsync(request);
    }

    /// <summary>Signs <paramref name="body"/> as it is, bytes and all (invalid UTF-8 too), and posts it.</summary>
    public async Task<HttpResponseMessage> PostSignedAsync(byte[] body, CancellationToken ct)
    {
        var timestamp = Now();
        var signature = Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(_key, [.. Encoding.UTF8.GetBytes(timestamp), .. body]));
        var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        request.Headers.Add("X-Signature-Ed25519", signature);
        return await _http!.SendAsync(request, ct);
    }

    /// <summary>Signs and posts a command; returns the text the user sees (inline, or the follow-up after a defer).</summary>
    public async Task<string> CommandAsync(string body)
    {
        var timestamp = Now();
        using var response = await PostAsync(body, timestamp, Sign(timestamp, body));
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"interaction answered {(int)response.StatusCode}: {text}");
        var answer = JsonNode.Parse(text)!;
        if (answer["type"]!.GetValue<int>() == 4) return answer["data"]?["content"]?.GetValue<string>() ?? "";
        // Deferred (type 5): the answer comes as an edit of the original message, through the fake's webhook route.
        var token = JsonNode.Parse(body)!["token"]!.GetValue<string>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_discord.InteractionCalls.FirstOrDefault(c => c.Token == token && c.Kind != "callback") is { } edit)
                return edit.Body["content"]?.GetValue<string>() ?? "";
            await Task.Delay(50);
        }
        throw new TimeoutException("a deferred interaction was never followed up");
    }

    /// <summary>A slash command in a guild channel, by <paramref name="user"/> with <paramref name="permissions"/>.</summary>
    public static string InGuild(string command, string user, string permissions, params (string Name, string Value)[] options) =>
        InChannel(Channel, command, user, permissions, options);

    public static string InChannel(string channel, string command, string user, string permissions, params (string Name, string Value)[] options) =>
        Interaction(command, options, o =>
        {
            o["guild_id"] = Guild;
            o["channel_id"] = channel;
            o["member"] = new JsonObject { ["user"] = new JsonObject { ["id"] = user, ["username"] = "user" + user }, ["permissions"] = permissions };
        });

    /// <summary>A slash command in the bot's DM with <paramref name="user"/>.</summary>
    public static string InDm(string command, string user, params (string Name, string Value)[] options) =>
        Interaction(command, options, o =>
        {
            o["channel_id"] = "777";
            o["user"] = new JsonObject { ["id"] = user, ["username"] = "user" + user };
        });

    private static string Interaction(string command, (string Name, string Value)[] options, Action<JsonObject> where)
    {
        var o = new JsonObject
        {
            ["type"] = 2,
            ["id"] = (2_000_000 + Interlocked.Increment(ref _nextId)).ToString(CultureInfo.InvariantCulture),
            ["application_id"] = FakeDiscordServer.ApplicationId,
            ["token"] = "tok-" + Guid.NewGuid().ToString("N"),
            ["version"] = 1,
            ["data"] = new JsonObject
            {
                ["id"] = "3000",
                ["name"] = command,
                ["type"] = 1,
                ["options"] = new JsonArray([.. options.Select(x => (JsonNode)new JsonObject { ["name"] = x.Name, ["type"] = 3, ["value"] = x.Value })]),
            },
        };
        where(o);
        return o.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public void Dispose()
    {
        _http?.Dispose();
        _key.Dispose();
    }
}
