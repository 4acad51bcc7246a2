using System.Diagnostics;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Core.Delivery;
using PaperBot.Core.Incidents;
using PaperBot.Core.Subscriptions;
using PaperBot.Email;
using PaperBot.Email.Messages;
using PaperBot.Email.Transport;
using PaperBot.Testing.Fakes;
using PaperBot.Testing.Smtp;

namespace PaperBot.Benchmarks.Email;

/// <summary>
/// Renders and sends digests (20 papers each) to a loopback SMTP sink through the email channel — pooled sessions
/// with NoDelay — beside MailKit with default settings and a new connection per message, in the same run. The
/// baseline sends a sample and is compared per message. Targets: ≥ 2,000 messages/s and ≥ 50× the baseline.
/// </summary>
public sealed class EmailBenchmark : IBenchmark
{
    public string Name => "email";
    public string Description => "render and send 10k digests over SMTP to a loopback sink (--quick: 1k)";

    public async Task<bool> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var (count, sample) = quick ? (1_000, 30) : (10_000, 200);
        const int pool = 4;

        await using var sink = await SmtpTestServer.StartAsync(keepMessages: false);
        var options = new EmailOptions
        {
            From = "PaperBot <papers@bot.example.org>",
            Smtp = new SmtpSettings { Host = "127.0.0.1", Port = sink.Port, Security = SmtpSecurity.None, PoolSize = pool },
        };
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<ISuppressionList, NoSuppressions>()
            .AddSingleton<IIncidentStore, InMemoryIncidentStore>()
            .AddSingleton<ISubscriberLinks>(new BenchmarkLinks())
            .AddPaperBotEmail(options)
            .BuildServiceProvider();
        var channel = services.GetRequiredService<IDeliveryChannel>();
        var transport = services.GetRequiredService<SmtpTransport>();
        var builder = services.GetRequiredService<DigestMessageBuilder>();

        // Warm-up: the pool's sessions and JIT tiering (with dynamic PGO a method reaches its final code only after
        // an instrumented tier; 200 digests left the one-sender run ~40% slow), so the timed runs measure steady state.
        var warmUp = EmailWorkload.Batches(quick ? 200 : 2_000);
        foreach (var b in warmUp) await channel.SendAsync(b, CancellationToken.None);
        var batches = EmailWorkload.Batches(count);
        Settle();

        // One sender at a time, as one dispatch pass sends today.
        var timer = Stopwatch.StartNew();
        var failures = 0;
        foreach (var b in batches.Take(count / 4))
            if (await channel.SendAsync(b, CancellationToken.None) is not DeliveryResult.Sent) failures++;
        var sequential = timer.Elapsed;

        // The pool's width of senders.
        var rest = batches.Skip(count / 4).ToList();
        Settle();
        var next = -1;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes();
        var paused = GC.GetTotalPauseDuration();
        var collections = GC.CollectionCount(0);
        timer.Restart();
        await Task.WhenAll(Enumerable.Range(0, pool).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < rest.Count; i = Interlocked.Increment(ref next))
                if (await channel.SendAsync(rest[i], CancellationToken.None) is not DeliveryResult.Sent) Interlocked.Increment(ref failures);
        }));
        var parallel = timer.Elapsed;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        allocated = GC.GetTotalAllocatedBytes() - allocated;
        paused = GC.GetTotalPauseDuration() - paused;
        collections = GC.CollectionCount(0) - collections;

        var baseline = await BaselineAsync(builder, batches.Take(sample).ToList(), sink.Port);

        var sequentialRate = count / 4 / sequential.TotalSeconds;
        var parallelRate = rest.Count / parallel.TotalSeconds;
        var baselineRate = sample / baseline.TotalSeconds;
        var size = MessageSize.Of(builder.Build(batches[0].ToDigest(), batches[0].IdempotencyKey));
        Console.WriteLine($"digests {count:N0} of 20 papers ({size / 1024.0:F1} KB each), sink on loopback; {transport.SessionsOpened} SMTP sessions opened in all");
        Console.WriteLine($"pooled ×{pool}  {parallelRate,9:N0} msg/s   {rest.Count:N0} digests rendered and sent by {pool} senders in {parallel.TotalSeconds:F2} s");
        Console.WriteLine($"           {cpu.TotalMilliseconds / rest.Count,9:F2} ms of CPU per digest (render, send and the sink's side, all in this process; {Environment.ProcessorCount} cores)");
        Console.WriteLine($"           {allocated / 1024.0 / rest.Count,9:F1} KB allocated per digest; {collections} collections, {paused.TotalMilliseconds:F0} ms paused");
        Console.WriteLine($"pooled ×1  {sequentialRate,9:N0} msg/s   {count / 4:N0} digests, one sender (one dispatch pass), {sequential.TotalSeconds:F2} s");
        Console.WriteLine($"baseline   {baselineRate,9:N1} msg/s   MailKit defaults, a new connection per message, {sample} digests in {baseline.TotalSeconds:F2} s");
        Console.WriteLine($"ratio      {parallelRate / baselineRate,9:N0} x   (one sender: {sequentialRate / baselineRate:N0} x); targets ≥ 2,000 msg/s: {(parallelRate >= 2000 ? "met" : "MISSED")}, ≥ 50x: {(parallelRate / baselineRate >= 50 ? "met" : "MISSED")}");

        var expected = warmUp.Count + count + sample;
        var ok = failures == 0 && sink.Accepted == expected;
        if (!ok) Console.WriteLine($"CHECK FAILED: {failures} failed sends; the sink accepted {sink.Accepted} of {expected}");
        return ok;
    }

    /// <summary>Moves the workload, made just before, out of the young generation: otherwise the timed run's first
    /// collections copy it (~40 MB of batches), a cost of the benchmark and not of sending.</summary>
    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    /// <summary>The same rendering, sent the way most code does: a default SmtpClient connected per message.</summary>
    private static async Task<TimeSpan> BaselineAsync(DigestMessageBuilder builder, List<DeliveryBatch> batches, int port)
    {
        var timer = Stopwatch.StartNew();
        foreach (var b in batches)
        {
            var message = builder.Build(b.ToDigest(), b.IdempotencyKey);
            using var client = new SmtpClient();
            await client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None);
            await client.SendAsync(message);
            await client.DisconnectAsync(true);
        }
        return timer.Elapsed;
    }

    private sealed class NoSuppressions : ISuppressionList
    {
        public Suppression? Find(string address) => null;
        public void Add(Suppression suppression) => throw new InvalidOperationException("the sink refused " + suppression.Address);
        public bool Remove(string address) => false;
    }

    private sealed class BenchmarkLinks : ISubscriberLinks
    {
        public Uri Link(LinkPurpose purpose, Subscriber subscriber, string? subscriptionId = null) =>
            new($"https://papers.example.org/{purpose.ToString().ToLowerInvariant()}/{Uri.EscapeDataString(subscriptionId ?? subscriber.Address)}.c2lnbmVkLXRva2VuLXBsYWNlaG9sZGVy");
    }
}
