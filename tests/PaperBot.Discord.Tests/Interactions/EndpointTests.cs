using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NSec.Cryptography;
using PaperBot.Discord.Interactions;
using PaperBot.Discord.Tests.Support;

namespace PaperBot.Discord.Tests.Interactions;

/// <summary>The real endpoint on Kestrel, signed as Discord signs.</summary>
public sealed class EndpointTests : IAsyncLifetime
{
    private readonly InteractionRig _rig = new();
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(_rig.Get<InteractionEndpoint>());
        _app = builder.Build();
        _app.MapDiscordInteractions();
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        _rig.Dispose();
    }

    private string Now => Signer.Timestamp(_rig.Time.GetUtcNow());

    private Task<HttpResponseMessage> PostAsync(string body, string? timestamp, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, InteractionEndpoint.Route) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (timestamp is not null) request.Headers.Add(InteractionSignature.TimestampHeader, timestamp);
        if (signature is not null) request.Headers.Add(InteractionSignature.SignatureHeader, signature);
        return _http.SendAsync(request);
    }

    private Task<HttpResponseMessage> SignedAsync(string body, string? timestamp = null)
    {
        var ts = timestamp ?? Now;
        return PostAsync(body, ts, Signer.Sign(ts, body));
    }

    [Fact]
    public void The_rfc_8032_test_vector_of_discord_md_verifies()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1700000000));
        var check = new InteractionSignature(Signer.PublicKeyHex, time).Check(
            "1695961a47c91a1ec033b819b7e87e3dbc583dd0cee6d1fd0216f58ac87b6228ae531ddbf91fb7bc28d7edf7f08604da16f54624f38a6bc0614e4dc13cd47f0f",
            "1700000000", "{\"type\":1}"u8);
        Assert.Equal(SignatureCheck.Valid, check);
        Assert.Equal("1695961a47c91a1ec033b819b7e87e3dbc583dd0cee6d1fd0216f58ac87b6228ae531ddbf91fb7bc28d7edf7f08604da16f54624f38a6bc0614e4dc13cd47f0f",
            Signer.Sign("1700000000", "{\"type\":1}"));
    }

    [Fact]
    public async Task Handled_and_refused_interactions_are_counted_with_the_time_to_their_first_response()
    {
        using var meters = new MeterRecorder(_rig.Get<IMeterFactory>());

        using var ping = await SignedAsync("{\"type\":1,\"id\":\"1\",\"token\":\"t\"}");
        using var help = await SignedAsync("""{"type":2,"id":"5","application_id":"1000","token":"tok","channel_id":"7","user":{"id":"901"},"data":{"id":"2","name":"help"}}""");
        using var forged = await PostAsync("{\"type\":1}", Now, new string('0', 128));

        Assert.Equal(1, meters.Sum("interactions", "type=ping"));
        Assert.Equal(1, meters.Sum("interactions", "command=help"));
        Assert.Equal(2, meters.Sum("interactions", "outcome=answered"));
        Assert.Equal(1, meters.Sum("interactions_refused", "reason=signature_forged"));
        Assert.Equal(2, meters.Count("interaction_duration_seconds"));
        Assert.InRange(meters.Sum("interaction_duration_seconds"), 0, 3);
    }

    [Fact]
    public async Task A_signed_ping_is_answered_with_pong_as_json()
    {
        using var response = await SignedAsync("{\"type\":1,\"id\":\"1\",\"token\":\"t\"}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("{\"type\":1}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_signed_command_is_answered_inline_within_the_deadline()
    {
        var body = """{"type":2,"id":"5","application_id":"1000","token":"tok","channel_id":"7","user":{"id":"901"},"data":{"id":"2","name":"help"}}""";
        using var response = await SignedAsync(body);
        var json = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"type\":4", json, StringComparison.Ordinal);
        Assert.Contains("\"flags\":64", json, StringComparison.Ordinal);
        Assert.Contains("\"allowed_mentions\":{\"parse\":[]}", json, StringComparison.Ordinal);
    }

    public static TheoryData<string, string?, string?> Forgeries()
    {
        const string body = "{\"type\":1}";
        var ts = Signer.Timestamp(new DateTimeOffset(2026, 3, 12, 9, 0, 0, TimeSpan.Zero));
        var other = Key.Create(SignatureAlgorithm.Ed25519);
        return new()
        {
            { "no headers", null, null },
            { "no signature", ts, null },
            { "no timestamp", null, Signer.Sign(ts, body) },
            { "a signature that is not hex", ts, new string('z', 128) },
            { "a signature of the wrong length", ts, Signer.Sign(ts, body)[..64] },
            { "a timestamp that is not a number", "soon", Signer.Sign("soon", body) },
            { "a signature for another body", ts, Signer.Sign(ts, "{\"type\":2}") },
            { "a signature for another timestamp", ts, Signer.Sign("1700000000", body) },
            { "a signature by another key", ts, Signer.Sign(ts, body, other) },
        };
    }

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_request_with_a_missing_or_wrong_signature_gets_401_and_reaches_no_command(string what, string? timestamp, string? signature)
    {
        using var response = await PostAsync("{\"type\":1}", timestamp, signature);
        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, what);
    }

    [Fact]
    public async Task A_replayed_request_is_refused_whether_resent_at_once_or_too_late()
    {
        const string body = "{\"type\":1}";
        var ts = Now;
        var signature = Signer.Sign(ts, body);
        using var first = await PostAsync(body, ts, signature);
        using var again = await PostAsync(body, ts, signature);
        using var upper = await PostAsync(body, ts, signature.ToUpperInvariant());

        var old = Signer.Timestamp(_rig.Time.GetUtcNow() - InteractionSignature.MaxAge - TimeSpan.FromSeconds(1));
        using var stale = await SignedAsync(body, old);
        var future = Signer.Timestamp(_rig.Time.GetUtcNow() + InteractionSignature.MaxAge + TimeSpan.FromSeconds(1));
        using var early = await SignedAsync(body, future);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, upper.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, early.StatusCode);
    }

    [Fact]
    public void A_request_signed_before_a_restart_is_refused_by_the_new_process_though_it_never_saw_it()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1700000000));
        const string body = "{\"type\":1}";
        var before = Signer.Timestamp(time.GetUtcNow());
        Assert.Equal(SignatureCheck.Valid, new InteractionSignature(Signer.PublicKeyHex, time).Check(Signer.Sign(before, body), before, "{\"type\":1}"u8));

        time.Advance(TimeSpan.FromMinutes(1)); // the process restarts, well inside MaxAge
        var restarted = new InteractionSignature(Signer.PublicKeyHex, time);
        var lagging = Signer.Timestamp(time.GetUtcNow() - InteractionSignature.ClockSkew + TimeSpan.FromSeconds(1));

        Assert.Equal(SignatureCheck.Stale, restarted.Check(Signer.Sign(before, body), before, "{\"type\":1}"u8));
        Assert.Equal(SignatureCheck.Valid, restarted.Check(Signer.Sign(lagging, body), lagging, "{\"type\":1}"u8));
    }

    [Fact]
    public async Task A_body_over_the_cap_is_refused_before_its_signature_is_checked()
    {
        var body = "{\"type\":1,\"pad\":\"" + new string('x', InteractionEndpoint.MaxBodyBytes) + "\"}";
        using var response = await SignedAsync(body);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("invalid UTF-8 in an option", "{\"type\":2,\"id\":\"1\",\"token\":\"t\",\"data\":{\"name\":\"search\",\"options\":[{\"name\":\"query\",\"type\":3,\"value\":\"a\u00FFb\"}]}}")]
    [InlineData("half a surrogate pair", "{\"type\":2,\"id\":\"1\",\"token\":\"t\",\"data\":{\"name\":\"search\",\"options\":[{\"name\":\"query\",\"type\":3,\"value\":\"a\\ud800b\"}]}}")]
    [InlineData("a null option", "{\"type\":2,\"id\":\"1\",\"token\":\"t\",\"data\":{\"name\":\"search\",\"options\":[null]}}")]
    [InlineData("a user id that is no snowflake", "{\"type\":2,\"id\":\"1\",\"token\":\"t\",\"user\":{\"id\":\"12x\"},\"data\":{\"name\":\"subscribe\"}}")]
    [InlineData("a channel id that is no snowflake", "{\"type\":2,\"id\":\"1\",\"token\":\"t\",\"channel_id\":\"123456789012345678901234\",\"data\":{\"name\":\"subscribe\"}}")]
    public async Task A_signed_interaction_whose_strings_or_ids_cannot_be_used_gets_400_not_a_500_from_its_command(string what, string json)
    {
        // Found by the end-to-end fuzzing. U+00FF stands for a raw 0xFF byte: written as Latin-1, the body is not UTF-8.
        var body = what.StartsWith("invalid", StringComparison.Ordinal) ? Encoding.Latin1.GetBytes(json) : Encoding.UTF8.GetBytes(json);
        var ts = Now;
        using var request = new HttpRequestMessage(HttpMethod.Post, InteractionEndpoint.Route) { Content = new ByteArrayContent(body) };
        request.Headers.Add(InteractionSignature.TimestampHeader, ts);
        request.Headers.Add(InteractionSignature.SignatureHeader, Signer.Sign(ts, body));

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_signed_body_that_is_not_an_interaction_gets_400()
    {
        using var response = await SignedAsync("[1,2");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
