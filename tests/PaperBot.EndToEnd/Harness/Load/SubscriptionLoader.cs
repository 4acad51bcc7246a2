using System.Globalization;
using PaperBot.Core.Delivery;
using PaperBot.Core.Subscriptions;
using PaperBot.Storage;

namespace PaperBot.EndToEnd.Harness.Load;

/// <summary>
/// Writes generated subscriptions straight into the database file, the process stopped: daily digests (so matching
/// queues alerts without a send storm), four in five by email, one in five by Discord DM; one to three words each
/// from the shelf's vocabulary and a long tail of rarer words, now and then a phrase, a prefix or an OR.
/// </summary>
public static class SubscriptionLoader
{
    private const int Batch = 10_000;

    public static void Write(string databasePath, int count, int seed)
    {
        var random = new Random(seed);
        var words = PaperShelf.TopicWords.Concat(PaperShelf.FillerWords).ToArray();
        using var db = LiteDbContext.Open(databasePath);
        var store = new LiteDbSubscriptionStore(db);
        var created = DateTimeOffset.UtcNow;
        var deliverAt = TimeOnly.FromDateTime(DateTime.UtcNow.AddHours(12));
        for (var start = 0; start < count; start += Batch)
        {
            if (!db.Database.BeginTrans()) throw new InvalidOperationException("a LiteDB transaction is already open on this thread");
            for (var i = start; i < Math.Min(count, start + Batch); i++)
            {
                store.Add(new Subscription
                {
                    Id = "load" + i.ToString("D8", CultureInfo.InvariantCulture),
                    Subscriber = i % 5 == 0 ? Subscriber.DiscordUser((100_000_000 + i).ToString(CultureInfo.InvariantCulture)) : Subscriber.Email($"u{i}@load.example.org"),
                    Query = Query(random, words),
                    Mode = DeliveryMode.Daily,
                    DeliveryTime = deliverAt,
                    Confirmed = true,
                    CreatedAt = created,
                });
            }
            if (!db.Database.Commit()) throw new InvalidOperationException("a batch of subscriptions did not commit");
        }
    }

    private static string Query(Random random, string[] words)
    {
        // Papers are written in the shelf's 34 words, so one of them in a query matches a tenth of the day: they are
        // one word in 200 here, the rest a long tail no paper has, which keeps a day at a few alerts per hundred subscriptions.
        string Word() => random.Next(200) == 0 ? words[random.Next(words.Length)] : "w" + random.Next(20_000).ToString(CultureInfo.InvariantCulture);
        return random.Next(10) switch
        {
            0 => $"\"{Word()} {Word()}\"",
            1 => $"{Word()} OR {Word()}",
            2 => Word() is var w && w.Length > 4 ? w[..4] + "*" : w,
            3 => $"{Word()} {Word()} -{Word()}",
            _ => random.Next(2) == 0 ? Word() : $"{Word()} {Word()}",
        };
    }
}
