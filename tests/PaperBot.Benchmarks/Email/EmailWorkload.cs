using PaperBot.Core.Delivery;
using PaperBot.Core.Outbox;
using PaperBot.Core.Papers;
using PaperBot.Core.Queries;
using PaperBot.Core.Subscriptions;

namespace PaperBot.Benchmarks.Email;

/// <summary>Digests as the dispatcher hands them over: one per subscriber, 20 papers each with realistic text and links.</summary>
public static class EmailWorkload
{
    public static readonly DateTimeOffset Now = new(2026, 3, 12, 8, 0, 0, TimeSpan.Zero);

    public static List<DeliveryBatch> Batches(int count, int papersPerDigest = 20)
    {
        var random = new Random(42);
        var pool = Enumerable.Range(0, 500).Select(i => Paper(i, random)).ToArray();
        return Enumerable.Range(0, count).Select(i =>
        {
            var subscription = new Subscription
            {
                Id = $"s-{i:D6}", Subscriber = Subscriber.Email($"reader{i}@example.org"), Query = "diffusion OR \"image editing\"",
                Mode = DeliveryMode.Daily, Confirmed = true, CreatedAt = Now,
            };
            var entries = Enumerable.Range(0, papersPerDigest)
                .Select(k => new DigestEntry(pool[(i * 7 + k * 13) % pool.Length], [new MatchHit("title", "Diffusion"), new MatchHit("abstract", "image editing")], papersPerDigest - k))
                .ToList();
            return new DeliveryBatch($"b-{i:D6}", BatchKind.Digest, subscription, entries, 3, Now);
        }).ToList();
    }

    private static Paper Paper(int i, Random random) => new()
    {
        Id = PaperId.Parse($"2603.{i:D5}"),
        Title = $"Diffusion Models for Image Editing at Scale, Part {i}",
        Abstract = string.Join(' ', Enumerable.Range(0, 180).Select(_ => Words[random.Next(Words.Length)])) + ".",
        Authors = [.. Enumerable.Range(0, 1 + i % 7).Select(k => $"Author{k} Surname{i}")],
        Upvotes = i % 3 == 0 ? i % 200 : null,
        Summary = i % 3 == 0 ? "A diffusion model that edits images from text instructions, faster than prior work." : null,
        Links = new PaperLinks { Code = i % 2 == 0 ? $"https://github.com/example/project-{i}" : null },
        Sources = [new Provenance(i % 3 == 0 ? PaperSources.HuggingFace : PaperSources.Arxiv, Now)],
    };

    private static readonly string[] Words =
        ["we", "propose", "a", "diffusion", "model", "for", "image", "editing", "that", "learns", "from", "text", "and", "scales",
         "to", "large", "datasets", "our", "method", "outperforms", "baselines", "on", "benchmarks", "with", "fewer", "steps"];
}
