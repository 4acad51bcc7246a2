using System.Diagnostics;
using System.Globalization;
using PaperBot.Testing;
using PaperBot.Testing.Discord;
using PaperBot.Testing.Http;
using PaperBot.Testing.Smtp;

namespace PaperBot.EndToEnd.Harness;

/// <summary>
/// One installation of PaperBot for one test: its own data folder and web port, its real configuration as
/// <c>PAPERBOT_*</c> variables, and its loopback peers — the sources (<see cref="Shelf"/> served by a
/// <see cref="FixtureHttpServer"/>), a fake Discord (REST, nonce de-duplication) and an SMTP server. The process can
/// be started, killed and started again on the same data; the peers outlive it.
/// </summary>
public sealed class Deployment : IAsyncDisposable
{
    public const string From = "paperbot@e2e.example.org";

    private readonly TempDirectory _dir = new();

    private Deployment(FixtureHttpServer sources, FakeDiscordServer discord, SmtpTestServer smtp, int seed)
    {
        Sources = sources;
        Discord = discord;
        Smtp = smtp;
        Shelf = new PaperShelf(seed);
        Interactions = new DiscordInteractions(discord);
        WebUri = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        Mail = new Mailbox(smtp);
        Directory.CreateDirectory(DataFolder);
        Environment = new Dictionary<string, string>
        {
            ["PAPERBOT_Storage__Path"] = DatabasePath,
            ["PAPERBOT_Web__Urls"] = WebUri.ToString().TrimEnd('/'),
            ["PAPERBOT_Web__TokenSecret"] = "e2e-link-signing-secret-0123456789abcdef",
            ["PAPERBOT_Sources__HuggingFace__Enabled"] = "true",
            ["PAPERBOT_Sources__HuggingFace__BaseUrl"] = sources.BaseUri.ToString(),
            ["PAPERBOT_Sources__HuggingFace__Schedule"] = "0/2 * * * * ?",
            ["PAPERBOT_Sources__Feeds__0__Name"] = "journal",
            ["PAPERBOT_Sources__Feeds__0__Url"] = sources.Url(PaperShelf.JournalPath).ToString(),
            ["PAPERBOT_Sources__Feeds__0__Schedule"] = "1/2 * * * * ?",
            ["PAPERBOT_Sources__Http__RetryCount"] = "0",
            ["PAPERBOT_Sources__Http__Timeout"] = "00:00:05",
            ["PAPERBOT_Discord__Token"] = FakeDiscordServer.Token,
            ["PAPERBOT_Discord__ApplicationId"] = FakeDiscordServer.ApplicationId,
            ["PAPERBOT_Discord__PublicKey"] = Interactions.PublicKeyHex,
            ["PAPERBOT_Discord__ApiBaseUrl"] = discord.ApiBaseUrl,
            ["PAPERBOT_Discord__Transport"] = "Http",
            ["PAPERBOT_Discord__GuildId"] = DiscordInteractions.Guild,
            ["PAPERBOT_Email__From"] = From,
            ["PAPERBOT_Email__Smtp__Host"] = "127.0.0.1",
            ["PAPERBOT_Email__Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["PAPERBOT_Email__Smtp__Security"] = "None",
            ["PAPERBOT_Email__Smtp__Timeout"] = "00:00:05",
            ["PAPERBOT_Email__PublicBaseUrl"] = WebUri.ToString().TrimEnd('/'),
            ["PAPERBOT_Email__PickupDirectory"] = Path.Combine(DataFolder, "outbox"),
            ["PAPERBOT_Delivery__DispatchInterval"] = "00:00:01",
            ["PAPERBOT_Logging__LogLevel__Default"] = "Information",
            ["DOTNET_gcServer"] = "0",
        };
    }

    public FixtureHttpServer Sources { get; }
    public FakeDiscordServer Discord { get; }
    public SmtpTestServer Smtp { get; }
    public PaperShelf Shelf { get; }
    public DiscordInteractions Interactions { get; }
    public Mailbox Mail { get; }
    public Uri WebUri { get; }

    /// <summary>The process's configuration; change it before <see cref="StartAsync"/>.</summary>
    public Dictionary<string, string> Environment { get; }

    public string DataFolder => _dir.File("data");
    public string DatabasePath => Path.Combine(DataFolder, "paperbot.db");

    /// <summary>The running process, if any.</summary>
    public PaperBotProcess? Process { get; private set; }

    /// <summary>Every process this deployment ran, for the failure message.</summary>
    public List<PaperBotProcess> History { get; } = [];

    /// <param name="down">Which sources answer 503 at the moment it is asked.</param>
    public static async Task<Deployment> CreateAsync(int seed = 1, Func<ShelfSource, bool>? down = null)
    {
        var sources = await FixtureHttpServer.StartAsync();
        var discord = await FakeDiscordServer.StartAsync();
        // Generous per-channel buckets: the tests here are about delivery, the rate-limit tests about limits.
        discord.ChannelBucketLimit = 50;
        discord.ChannelBucketPeriod = TimeSpan.FromSeconds(1);
        var smtp = await SmtpTestServer.StartAsync();
        var deployment = new Deployment(sources, discord, smtp, seed);
        deployment.Shelf.ServeFrom(sources, down);
        return deployment;
    }

    /// <summary>Starts <c>paperbot run</c> and waits until it is ready (listening, caught up, schedules on).</summary>
    /// <param name="patience">How long the start may take (loading a million subscriptions takes longer than a minute).</param>
    public async Task<PaperBotProcess> StartAsync(TimeSpan? patience = null)
    {
        if (Process is { HasExited: false }) throw new InvalidOperationException("already running");
        Process = await PaperBotProcess.StartAsync(_dir.Path, Environment, WebUri);
        History.Add(Process);
        Interactions.Connect(WebUri);
        await Process.WaitUntilReadyAsync(patience);
        return Process;
    }

    /// <summary>A few papers on each source, the process started and the baseline taken (which alerts nobody).</summary>
    public async Task StartWithBaselineAsync(TimeSpan? patience = null)
    {
        Shelf.PublishRandom(3, ShelfSource.HuggingFace);
        Shelf.PublishRandom(3, ShelfSource.Journal);
        var started = DateTimeOffset.UtcNow;
        await StartAsync(patience);
        await SourcesPolledAsync(started);
    }

    /// <summary>An instant email subscription, confirmed, made by the <c>subscribe</c> verb beside the service.</summary>
    public async Task SubscribeEmailAsync(string address, string query)
    {
        var (code, output) = await VerbAsync("subscribe", "--email", address, "--query", query, "--mode", "instant", "--confirmed");
        Assert.True(code == 0, output);
    }

    /// <summary>An instant subscription of a guild channel, by its manager over the interactions endpoint.</summary>
    public async Task SubscribeChannelAsync(string channel, string query)
    {
        var answer = await Interactions.CommandAsync(DiscordInteractions.InChannel(channel, "subscribe", "901", DiscordInteractions.ManageChannels,
            ("query", query), ("where", "here"), ("delivery", "instant")));
        Assert.Contains("Subscribed", answer, StringComparison.Ordinal);
    }

    public async Task KillAsync()
    {
        if (Process is not null) await Process.KillAsync();
    }

    /// <summary>Runs a verb in a second process with the same configuration (through the admin socket while
    /// <c>run</c> holds the database).</summary>
    public async Task<(int ExitCode, string Output)> VerbAsync(params string[] args)
    {
        var info = new ProcessStartInfo(await PublishedApp.ExecutableAsync())
        {
            WorkingDirectory = _dir.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (k, v) in Environment) info.Environment[k] = v;
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = System.Diagnostics.Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; on timeout fails with what the process logged.</summary>
    public async Task EventuallyAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{what}: not within {timeout.TotalSeconds} s.\n{Logs()}");
            if (Process is { HasExited: true } p) throw new InvalidOperationException($"{what}: paperbot exited.\n{Logs()}");
            await Task.Delay(100);
        }
    }

    public Task EventuallyAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        EventuallyAsync(() => Task.FromResult(condition()), timeout, what);

    /// <summary>Waits until every source has polled successfully at least once after <paramref name="since"/>.</summary>
    public Task SourcesPolledAsync(DateTimeOffset since, TimeSpan? timeout = null) =>
        EventuallyAsync(async () =>
        {
            var health = await Process!.HealthAsync();
            return health.Component("sources").GetProperty("sources").EnumerateArray()
                .All(s => s.TryGetProperty("lastSuccessAt", out var at) && at.ValueKind == System.Text.Json.JsonValueKind.String && at.GetDateTimeOffset() > since);
        }, timeout ?? TimeSpan.FromSeconds(30), "every source polled");

    /// <summary>The last lines of every process's output.</summary>
    public string Logs() => string.Join("\n--- restart ---\n", History.Select(p => Tail(p.Output, 60)));

    private static string Tail(string text, int lines) => string.Join('\n', text.Split('\n').TakeLast(lines));

    public async ValueTask DisposeAsync()
    {
        foreach (var p in History) await p.DisposeAsync();
        Interactions.Dispose();
        await Sources.DisposeAsync();
        await Discord.DisposeAsync();
        await Smtp.DisposeAsync();
        _dir.Dispose();
    }
}
