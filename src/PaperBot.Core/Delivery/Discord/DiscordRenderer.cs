using PaperBot.Core.Outbox;

namespace PaperBot.Core.Delivery.Discord;

/// <summary>
/// Renders a batch as Discord messages: one embed per paper, packed ten to a message and under the 6000-character
/// total; the header goes on the first message and "…and N more" on the last. Each message has its own nonce,
/// derived from the batch, so a re-send after a crash is dropped by Discord.
/// </summary>
public static class DiscordRenderer
{
    /// <summary>Short enough that ten full embeds fit within the total.</summary>
    private const int DescriptionBudget = 300;

    public static IReadOnlyList<DiscordMessage> Render(DeliveryBatch batch)
    {
        var embeds = batch.Entries.Select(Embed).ToList();
        var pages = new List<List<DiscordEmbed>>();
        var page = new List<DiscordEmbed>();
        var total = 0;
        foreach (var embed in embeds)
        {
            if (page.Count == DiscordLimits.EmbedsPerMessage || total + embed.Length > DiscordLimits.EmbedTotal)
            {
                pages.Add(page);
                page = [];
                total = 0;
            }
            page.Add(embed);
            total += embed.Length;
        }
        if (page.Count > 0 || pages.Count == 0) pages.Add(page);

        var messages = new List<DiscordMessage>(pages.Count);
        for (var i = 0; i < pages.Count; i++)
        {
            var content = (i == 0 ? Header(batch) : "") + (i == pages.Count - 1 ? More(batch) : "");
            messages.Add(new DiscordMessage(DiscordText.Cut(content.Trim(), DiscordLimits.Content), pages[i], batch.Nonce(i)));
        }
        return messages;
    }

    private static string Header(DeliveryBatch batch)
    {
        var query = DiscordText.Safe(batch.Subscription.Query, 200);
        if (batch.IsEmpty) return $"Nothing new for “{query}” since the last digest.";
        var n = batch.Entries.Count + batch.MoreCount;
        var noun = n == 1 ? "paper" : "papers";
        return batch.Kind == BatchKind.Digest ? $"**Digest:** {n} new {noun} for “{query}”" : $"**New {noun}** for “{query}”";
    }

    private static string More(DeliveryBatch batch) =>
        batch.MoreCount > 0 ? $"\n…and {batch.MoreCount} more. See them all with `/digest`." : "";

    private static DiscordEmbed Embed(DigestEntry e)
    {
        var p = e.Paper;
        var why = string.Join(", ", e.Why.Select(h => $"{h.Text} ({h.Field})").Distinct());
        var lines = new List<string>();
        if (why.Length > 0) lines.Add("matched: " + why);
        if (p.Authors.Count > 0) lines.Add(p.Authors.Count <= 4 ? string.Join(", ", p.Authors) : string.Join(", ", p.Authors.Take(3)) + " et al.");
        lines.Add(p.Summary ?? p.Abstract);
        var description = DiscordText.Safe(string.Join("\n", lines), DescriptionBudget, multiline: true);
        var footer = p.Id.IsArxiv ? "arXiv " + p.Id.Value : null;
        return new DiscordEmbed(DiscordText.Safe(p.Title, DiscordLimits.Title), SafeUrl(p.PrimaryUrl), description, footer);
    }

    /// <summary>Only absolute http(s) links become embed URLs.</summary>
    private static string? SafeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsoluteUri : null;
}
