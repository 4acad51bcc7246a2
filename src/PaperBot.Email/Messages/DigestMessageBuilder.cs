using System.Net;
using System.Security.Cryptography;
using System.Text;
using MimeKit;
using PaperBot.Core.Delivery;

namespace PaperBot.Email.Messages;

/// <summary>
/// Renders a digest as a multipart/alternative message (plain text + minimal HTML, UTF-8). Every value from a
/// paper is encoded for its context: titles are data, never markup or header syntax.
/// </summary>
public sealed class DigestMessageBuilder(EmailOptions options)
{
    private const string DefaultFrom = "PaperBot <paperbot@localhost>";

    public MimeMessage Build(Digest digest)
    {
        var s = digest.Subscription;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.Enabled ? options.From : DefaultFrom));
        message.To.Add(MailboxAddress.Parse(s.Subscriber.Address));
        var count = digest.Entries.Count + digest.MoreCount;
        message.Subject = OneLine(count == 0
            ? $"PaperBot: nothing new for \"{s.Query}\""
            : $"PaperBot: {count} new paper{(count == 1 ? "" : "s")} for \"{s.Query}\"");
        message.Date = digest.CreatedAt;
        message.MessageId = StableMessageId(digest);

        var body = new BodyBuilder { TextBody = Text(digest), HtmlBody = Html(digest) };
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>The same digest always gets the same Message-ID, so a re-send after a crash is recognisably a duplicate.</summary>
    private static string StableMessageId(Digest digest)
    {
        var key = digest.Subscription.Id + "|" + string.Join(',', digest.Entries.Select(e => e.Paper.Id.Value).Order(StringComparer.Ordinal));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 12));
        return $"digest-{digest.Subscription.Id}-{hash}@paperbot";
    }

    private static string Text(Digest digest)
    {
        var sb = new StringBuilder();
        if (digest.Entries.Count == 0 && digest.MoreCount == 0)
            return sb.Append("Nothing new matched your subscription \"").Append(OneLine(digest.Subscription.Query)).AppendLine("\" since the last digest.").ToString();
        sb.Append("New papers for your subscription \"").Append(OneLine(digest.Subscription.Query)).AppendLine("\":").AppendLine();
        var n = 0;
        foreach (var e in digest.Entries)
        {
            sb.Append(++n).Append(". ").AppendLine(OneLine(e.Paper.Title));
            if (e.Paper.Authors.Count > 0) sb.Append("   ").AppendLine(OneLine(Authors(e.Paper.Authors)));
            if (e.Paper.PrimaryUrl is { } url) sb.Append("   ").AppendLine(url);
            if (e.Why.Count > 0) sb.Append("   matched: ").AppendLine(OneLine(Why(e)));
            sb.Append("   ").AppendLine(OneLine(Snippet(e.Paper.Summary ?? e.Paper.Abstract)));
            sb.AppendLine();
        }
        if (digest.MoreCount > 0) sb.Append("…and ").Append(digest.MoreCount).Append(" more. ").AppendLine(MoreHint(digest));
        return sb.ToString();
    }

    private static string Html(Digest digest)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html><body style=\"font-family:sans-serif;max-width:640px\">");
        if (digest.Entries.Count == 0 && digest.MoreCount == 0)
            return sb.Append("<p>Nothing new matched your subscription <b>").Append(E(digest.Subscription.Query)).Append("</b> since the last digest.</p></body></html>").ToString();
        sb.Append("<p>New papers for your subscription <b>").Append(E(digest.Subscription.Query)).Append("</b>:</p><ol>");
        foreach (var e in digest.Entries)
        {
            sb.Append("<li style=\"margin-bottom:1em\">");
            var title = E(OneLine(e.Paper.Title));
            sb.Append(e.Paper.PrimaryUrl is { } url ? $"<a href=\"{E(url)}\"><b>{title}</b></a>" : $"<b>{title}</b>");
            if (e.Paper.Authors.Count > 0) sb.Append("<br><small>").Append(E(Authors(e.Paper.Authors))).Append("</small>");
            if (e.Why.Count > 0) sb.Append("<br><small>matched: ").Append(E(Why(e))).Append("</small>");
            sb.Append("<br>").Append(E(Snippet(e.Paper.Summary ?? e.Paper.Abstract)));
            sb.Append("</li>");
        }
        sb.Append("</ol>");
        if (digest.MoreCount > 0) sb.Append("<p>…and ").Append(digest.MoreCount).Append(" more. ").Append(E(MoreHint(digest))).Append("</p>");
        sb.Append("</body></html>");
        return sb.ToString();
    }

    /// <summary>Where the papers left out of a capped digest can be seen.</summary>
    private static string MoreHint(Digest digest) =>
        $"See them all with: paperbot match \"{OneLine(digest.Subscription.Query).Replace("\"", "\\\"", StringComparison.Ordinal)}\" (or /digest in Discord).";

    private static string Authors(IReadOnlyList<string> authors) =>
        authors.Count <= 4 ? string.Join(", ", authors) : string.Join(", ", authors.Take(3)) + " et al.";

    private static string Why(DigestEntry e) => string.Join(", ", e.Why.Select(h => $"{h.Text} ({h.Field})").Distinct());

    private static string Snippet(string text) => text.Length <= 400 ? text : text[..text.LastIndexOf(' ', 399).ClampMin(300)] + "…";

    /// <summary>CR, LF and other control characters from a title must not break a header or a line.</summary>
    internal static string OneLine(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s) sb.Append(char.IsControl(c) ? ' ' : c);
        return sb.ToString().Trim();
    }
}

internal static class IntExtensions
{
    public static int ClampMin(this int value, int min) => value < min ? min : value;
}
