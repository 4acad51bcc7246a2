using System.Buffers;
using System.Text;
using MimeKit;
using PaperBot.Core.Delivery;
using PaperBot.Core.Subscriptions;
using PaperBot.Email.Templates;

namespace PaperBot.Email.Messages;

/// <summary>
/// A digest as a multipart/alternative message (text/plain, then HTML; UTF-8) from the templates, with the list
/// headers. It stays under <see cref="MaxBytes"/> (Gmail clips larger messages): abstracts are trimmed first, then
/// the last papers are left out and counted in "and N more". Each paper is rendered and encoded once for all the
/// digests that show it (<see cref="PaperContentCache"/>); a digest renders its frame and joins the papers in.
/// </summary>
public sealed class DigestMessageBuilder(MessageEnvelope envelope, EmailTemplates templates, ISubscriberLinks links, PaperContentCache papers)
{
    /// <summary>Leaves room under 100 KB for a DKIM signature and the Received headers added on the way.</summary>
    public const int MaxBytes = 98_000;

    /// <param name="notices">Plain-text lines about open incidents, shown above the papers (encoded by the templates).</param>
    public MimeMessage Build(Digest digest, string idempotencyKey, IReadOnlyList<string>? notices = null)
    {
        var s = digest.Subscription;
        var manage = MessageEnvelope.Link(links.Link(LinkPurpose.Manage, s.Subscriber));
        var unsubscribe = MessageEnvelope.Link(links.Link(LinkPurpose.Unsubscribe, s.Subscriber, s.Id));
        var messageId = envelope.MessageId(idempotencyKey);

        MimeMessage Compose(int shown, TextBudget budget)
        {
            var view = DigestViewFactory.Create(digest, shown, budget, manage, unsubscribe, notices ?? [], papers);
            var message = envelope.Create(s.Subscriber, view.Preheader, digest.CreatedAt, messageId);
            envelope.AddListHeaders(message, unsubscribe, s.Id);
            message.Body = new MultipartAlternative
            {
                Part("plain", EmailTemplates.DigestText, EmailTemplates.DigestPaperText, view),
                Part("html", EmailTemplates.DigestHtml, EmailTemplates.DigestPaperHtml, view),
            };
            return message;
        }

        var shown = digest.Entries.Count;
        MimeMessage built = null!;
        long size = 0;
        foreach (var budget in TextBudget.Steps)
        {
            built = Compose(shown, budget);
            size = MessageSize.Of(built);
            if (size <= MaxBytes) return built;
        }
        var bare = TextBudget.Steps[^1];
        while (size > MaxBytes && shown > 0)
        {
            shown = Math.Min(shown - 1, (int)(shown * (double)MaxBytes / size));
            built = Compose(shown, bare);
            size = MessageSize.Of(built);
        }
        return built;
    }

    /// <summary>The frame rendered, with the papers' fragments joined in where it prints <c>renderedPapers</c>;
    /// each fragment starts a line of its own.</summary>
    private EncodedTextPart Part(string subtype, string frameName, string paperName, DigestView view)
    {
        var frame = templates.Render(frameName, view);
        var slot = EmailTemplates.Printed(frameName, DigestView.PapersSlot);
        if (!frame.Contains(slot, StringComparison.Ordinal)) return EncodedTextPart.FromText(subtype, frame);

        var fragments = new PaperFragment[view.Papers.Count];
        for (var i = 0; i < fragments.Length; i++) fragments[i] = Fragment(view.Papers[i].Content, paperName);

        // The frame's pieces are encoded into one small buffer; the papers join in by reference.
        var framed = new ArrayBufferWriter<byte>(frame.Length + frame.Length / 8 + QuotedPrintable.StepRoom);
        var ends = new List<int>(2);
        var column = 0;
        var rest = frame.AsSpan();
        while (true)
        {
            var at = rest.IndexOf(slot, StringComparison.Ordinal);
            QuotedPrintable.Encode(at < 0 ? rest : rest[..at], ref column, framed);
            if (at >= 0) QuotedPrintable.EndLine(ref column, framed);
            ends.Add(framed.WrittenCount);
            if (at < 0) break;
            rest = rest[(at + slot.Length)..];
        }
        var wire = framed.WrittenMemory;
        var pieces = new List<ReadOnlyMemory<byte>>(ends.Count + fragments.Length * 3);
        for (var e = 0; e < ends.Count; e++)
        {
            pieces.Add(wire[(e == 0 ? 0 : ends[e - 1])..ends[e]]);
            if (e == ends.Count - 1) break;
            for (var i = 0; i < fragments.Length; i++) fragments[i].AddTo(pieces, i + 1);
        }
        var textBytes = (long)Encoding.UTF8.GetByteCount(frame) + fragments.Sum(f => (long)f.TextBytes);
        return EncodedTextPart.Smallest(subtype, pieces, textBytes);
    }

    /// <summary>A paper rendered by the paper template once and kept with its content (a race renders it twice, harmlessly).</summary>
    private PaperFragment Fragment(PaperContent content, string name)
    {
        var html = name == EmailTemplates.DigestPaperHtml;
        if ((html ? content.Html : content.Text) is { } done) return done;
        var rendered = templates.RenderPaper(name, new PaperView(PaperView.NumberSlot, content));
        var fragment = PaperFragment.Encode(rendered, EmailTemplates.Printed(name, PaperView.NumberSlot));
        if (html) content.Html = fragment;
        else content.Text = fragment;
        return fragment;
    }
}
