using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PaperBot.Core.Delivery;
using PaperBot.Core.Outbox;
using PaperBot.Core.Papers;
using PaperBot.Core.Queries;
using PaperBot.Discord.Rest.Models;

namespace PaperBot.Discord.Rendering;

/// <summary>
/// Renders a batch as Discord messages: one embed per paper, packed ten to a message and under the 6000-character
/// total; the header goes on the first message and "…and N more" on the last. Each message has its own nonce,
/// derived from the batch, so a re-send after a crash is dropped by Discord.
/// </summary>
public static class DiscordRenderer
{
    /// <summary>Short enough that ten full embeds fit within the 6,000-character total.</summary>
    private const int DescriptionBudget = 300;

    /// <summary>Authors and reasons: one line each.</summary>
    private const int FieldBudget = 120;

    /// <summary>Characters of context kept before the first matched word in a snippet.</summary>
    private const int SnippetLead = 40;

    private const int PaperColor = 0xB31B1B;

    public static IReadOnlyList<DiscordMessage> Render(DeliveryBatch batch)
    {
        var embeds = batch.Entries.Select(Embed).ToList();
        var pages = new List<List<Embed>>();
        var page = new List<Embed>();
        var total = 0;
        foreach (var embed in embeds)
        {
            if (page.Count == DiscordLimits.EmbedsPerMessage || total + DiscordLimits.Length(embed) > DiscordLimits.EmbedTotal)
            {
                pages.Add(page);
                page = [];
                total = 0;
            }
            page.Add(embed);
            total += DiscordLimits.Length(embed);
        }
        if (page.Count > 0 || pages.Count == 0) pages.Add(page);

        var messages = new List<DiscordMessage>(pages.Count);
        for (var i = 0; i < pages.Count; i++)
        {
            var content = (i == 0 ? Header(batch) : "") + (i == pages.Count - 1 ? More(batch) : "");
            messages.Add(new DiscordMessage(DiscordText.Cut(content.Trim(), DiscordLimits.Content), pages[i], Nonce(batch, i)));
        }
        return messages;
    }

    /// <summary>The <c>nonce</c> (at most 25 characters) of the <paramref name="part"/>-th message of a batch: derived
    /// from its idempotency key, so the same batch re-sent after a crash carries the same nonces.</summary>
    public static string Nonce(DeliveryBatch batch, int part) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{batch.IdempotencyKey}#{part}")).AsSpan(0, 12));

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

    private static Embed Embed(DigestEntry e) => PaperEmbed(e.Paper, e.Why);

    /// <summary>
    /// One paper as an embed (also for /search, /latest, /paper): the title linked to the paper, an abstract snippet
    /// around the first matched word, matched words in bold, authors, why it matched, upvotes, and the id in the footer.
    /// Every part is escaped and within Discord's limits; the whole stays short enough for ten to share a message.
    /// </summary>
    public static Embed PaperEmbed(Paper p, IReadOnlyList<MatchHit> why)
    {
        var words = why.Select(h => h.Text).ToList();
        var fields = new List<EmbedField>();
        if (p.Authors.Count > 0)
        {
            var authors = p.Authors.Count <= 4 ? string.Join(", ", p.Authors) : string.Join(", ", p.Authors.Take(3)) + " et al.";
            fields.Add(new EmbedField("Authors", DiscordText.Safe(authors, FieldBudget), Inline: true));
        }
        var reasons = string.Join(", ", why.Select(h => $"{h.Text} ({h.Field})").Distinct(StringComparer.Ordinal));
        if (reasons.Length > 0) fields.Add(new EmbedField("Matched", DiscordText.Safe(reasons, FieldBudget), Inline: true));
        if (p.Upvotes is > 0) fields.Add(new EmbedField("Upvotes", p.Upvotes.Value.ToString("N0", CultureInfo.InvariantCulture), Inline: true));

        var footer = string.Join(" · ", new[] { p.Id.IsArxiv ? "arXiv " + p.Id.Value : null, p.Categories.FirstOrDefault() }.OfType<string>());
        return new Embed
        {
            Title = DiscordText.Highlight(p.Title, words, DiscordLimits.Title),
            Url = SafeUrl(p.PrimaryUrl),
            Description = DiscordText.Highlight(Snippet(p.Summary ?? p.Abstract, words), words, DescriptionBudget, multiline: true),
            Fields = fields.Count > 0 ? fields : null,
            Footer = footer.Length > 0 ? new EmbedFooter(DiscordText.Safe(footer, DiscordLimits.Footer)) : null,
            Color = PaperColor,
        };
    }

    /// <summary>The part of the abstract around the first matched word, so the reason shows in a short description.</summary>
    private static string Snippet(string text, IReadOnlyList<string> words)
    {
        var first = words.Where(w => w.Length >= 2)
            .Select(w => text.IndexOf(w, StringComparison.OrdinalIgnoreCase))
            .Where(i => i >= 0)
            .DefaultIfEmpty(0)
            .Min();
        if (first < 2 * SnippetLead || text.Length <= DescriptionBudget) return text;
        var start = text.LastIndexOf(' ', first - SnippetLead) is var space and > 0 ? space + 1 : first - SnippetLead;
        return "…" + text[start..];
    }

    /// <summary>Only absolute http(s) links become embed URLs.</summary>
    internal static string? SafeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsoluteUri : null;
}
