using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PaperBot.Core.Delivery;
using PaperBot.Core.Papers;
using PaperBot.Core.Search;
using PaperBot.Core.Storage;
using PaperBot.Core.Subscribing;
using PaperBot.Core.Subscriptions;
using PaperBot.Host.Cli;
using PaperBot.Host.Composition;
using PaperBot.Host.Web;
using PaperBot.Testing;

namespace PaperBot.Host.Tests.Web.Support;

/// <summary>
/// The service's web pages on their real composition (LiteDB, search index, antiforgery, rate limits) in a temp folder,
/// behind the ASP.NET Core test server, or on Kestrel at a loopback port for the browser. Confirmation mails are
/// recorded; the suppression list is in memory; time is fake (token expiry).
/// </summary>
public sealed partial class WebHost : IAsyncDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly CliContext _cli;
    private readonly Dictionary<string, string> _cookies = [];

    public WebApplication App { get; }
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 12, 9, 0, 0, TimeSpan.Zero));
    public RecordingConfirmationMailer Mailer => (RecordingConfirmationMailer)App.Services.GetRequiredService<IConfirmationMailer>();
    public InMemorySuppressionList Suppressions { get; } = new();
    public HttpClient Client { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "http://localhost";

    private WebHost(int? kestrelPort, string trustedProxies)
    {
        var config = new Dictionary<string, string?>
        {
            ["Storage:Path"] = _dir.File("data/paperbot.db"),
            ["Email:PublicBaseUrl"] = kestrelPort is { } p ? $"http://127.0.0.1:{p}" : "http://localhost",
            ["Web:TrustedProxies"] = trustedProxies,
        };
        _cli = new CliContext(TextWriter.Null, TextWriter.Null, _dir.Path, config, Time) { SecretsDirectory = _dir.File("secrets") };
        var settings = _cli.Settings;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = _dir.Path });
        if (kestrelPort is { } port) builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        else builder.WebHost.UseTestServer();
        builder.Services.AddPaperBot(settings, Time);
        builder.Services.AddPaperBotWeb(settings);
        builder.Services.AddSingleton<IConfirmationMailer, RecordingConfirmationMailer>();
        builder.Services.AddSingleton<ISuppressionList>(Suppressions);
        App = builder.Build();
        App.MapPaperBotWeb();
    }

    public static async Task<WebHost> StartAsync(IReadOnlyList<Paper>? papers = null, int? kestrelPort = null, string trustedProxies = "")
    {
        var host = new WebHost(kestrelPort, trustedProxies);
        // Stored before the search index first opens, which then indexes them.
        if (papers is not null) host.App.Services.GetRequiredService<IPaperStore>().Save(papers, PaperSources.HuggingFace);
        host.App.Services.GetRequiredService<IPaperSearch>();
        await host.App.StartAsync();
        if (kestrelPort is null)
        {
            host.Client = host.App.GetTestClient();
        }
        else
        {
            host.BaseUrl = $"http://127.0.0.1:{kestrelPort}";
            host.Client = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        }
        return host;
    }

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    public ISubscriptionStore Store => Get<ISubscriptionStore>();

    public Subscription AddSubscription(string address, string query = "diffusion", bool confirmed = true, string id = "")
    {
        var subscription = new Subscription
        {
            Id = id.Length > 0 ? id : SubscriptionIds.New(), Subscriber = Subscriber.Email(address), Query = query, Mode = DeliveryMode.Daily,
            Confirmed = confirmed, CreatedAt = Time.GetUtcNow(),
        };
        Get<SubscriptionService>().Add(subscription);
        return subscription;
    }

    /// <summary>The path of a subscriber link (tokens are checked against their path, not the host).</summary>
    public string LinkPath(LinkPurpose purpose, Subscription subscription, bool scoped = true) =>
        Get<ISubscriberLinks>().Link(purpose, subscription.Subscriber, scoped ? subscription.Id : null).AbsolutePath;

    /// <summary>GET as a browser would: the page's CSRF field value (when it has a form) and its cookie kept.</summary>
    public async Task<(HttpResponseMessage Response, string Html, string? Csrf)> GetPageAsync(string path)
    {
        var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path));
        var html = await response.Content.ReadAsStringAsync();
        var csrf = CsrfField().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
        return (response, html, csrf);
    }

    /// <summary>POST a form with the cookies this client holds; <paramref name="csrf"/> null sends no CSRF field.</summary>
    public async Task<(HttpResponseMessage Response, string Html)> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, string? csrf, bool withCookies = true)
    {
        var all = fields.ToList();
        if (csrf is not null) all.Add(new("csrf", csrf));
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(all) };
        var response = await SendAsync(request, withCookies);
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The subscribe form, as a browser sends it after loading the page.</summary>
    public async Task<(HttpResponseMessage Response, string Html)> SubscribeAsync(string email, string query = "diffusion", string mode = "daily",
        string time = "08:00", string day = "Monday", string timezone = "Europe/Berlin")
    {
        var (_, _, csrf) = await GetPageAsync("/");
        return await PostFormAsync("/subscribe", [new("email", email), new("query", query), new("mode", mode), new("time", time), new("day", day), new("timezone", timezone)], csrf);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, bool withCookies = true)
    {
        if (withCookies && _cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        var response = await Client.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            foreach (var cookie in cookies)
            {
                var pair = cookie.Split(';')[0].Split('=', 2);
                _cookies[pair[0]] = pair[1];
            }
        }
        return response;
    }

    [GeneratedRegex("""name="csrf" value="([^"]+)">""")]
    private static partial Regex CsrfField();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        _cli.Dispose();
        _dir.Dispose();
    }
}
