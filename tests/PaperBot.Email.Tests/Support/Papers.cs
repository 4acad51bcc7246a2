using PaperBot.Core.Delivery;
using PaperBot.Core.Outbox;
using PaperBot.Core.Papers;
using PaperBot.Core.Queries;
using PaperBot.Core.Subscriptions;

namespace PaperBot.Email.Tests.Support;

/// <summary>Digests and batches to send in tests.</summary>
public static class Papers
{
    public static readonly DateTimeOffset Now = new(2026, 3, 12, 8, 0, 0, TimeSpan.Zero);

    public static Subscription Subscription(string address = "ann@example.org", string query = "diffusion", string id = "s-test") => new()
    {
        Id = id, Subscriber = Subscriber.Email(address), Query = query, Mode = DeliveryMode.Daily, Confirmed = true, CreatedAt = Now,
    };

    public static Paper Paper(int i, string? title = null, string? abstractText = null) => new()
    {
        Id = PaperId.Parse($"2603.{i:D5}"),
        Title = title ?? $"Diffusion Paper {i}",
        Abstract = abstractText ?? $"We study diffusion models for topic {i}. " + string.Concat(Enumerable.Repeat("The method is evaluated carefully on many benchmarks. ", 30)),
        Authors = ["Ann Author", "Bo Builder"],
    };

    public static DigestEntry Entry(Paper paper, double score = 1, string field = "title", string word = "Diffusion") =>
        new(paper, [new MatchHit(field, word)], score);

    public static Digest Digest(int count, Subscription? subscription = null, int maxItems = 100) =>
        Core.Delivery.Digest.Create(subscription ?? Subscription(), Enumerable.Range(1, count).Select(i => Entry(Paper(i), score: count - i)), maxItems, Now);

    public static DeliveryBatch Batch(string id, Digest digest) =>
        new(id, BatchKind.Digest, digest.Subscription, digest.Entries, digest.MoreCount, digest.CreatedAt);

    public static DeliveryBatch Batch(string id, int count = 2, Subscription? subscription = null) => Batch(id, Digest(count, subscription));
}
