using System.Text;
using System.Text.RegularExpressions;

namespace PaperBot.Sources.Parsing;

/// <summary>
/// The one place a markup document's bytes become text. The encoding is chosen as RFC 7303 orders it: a byte-order
/// mark, then the HTTP charset, then the XML declaration, then UTF-8 — and bytes that are not UTF-8 in a document
/// that declares nothing are read as windows-1252 (what such feeds are, in practice) rather than refused.
/// </summary>
internal static partial class DocumentEncoding
{
    // .NET ships only the Unicode encodings and Latin-1; the legacy code pages feeds still use (windows-1252, big5,
    // euc-kr, koi8-r, iso-8859-x, shift_jis…) come from this provider. Registering is process-wide and idempotent;
    // doing it here means every path that decodes a document has it, whoever hosts the parsers.
    static DocumentEncoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [GeneratedRegex("""^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']""", RegexOptions.CultureInvariant)]
    private static partial Regex Declaration();

    /// <summary>Decodes a whole document; fails only when it names an encoding that does not exist.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, string? httpCharset, out string text, out string? error)
    {
        error = null;
        if (Unicode(bytes) is { } unicode)
        {
            text = unicode.Encoding.GetString(bytes[unicode.Preamble..]);
            return true;
        }
        if (Find(httpCharset) is { } fromHttp)
        {
            text = fromHttp.GetString(bytes);
            return true;
        }
        if (DeclaredName(bytes) is { } declared)
        {
            if (Find(declared) is not { } fromDeclaration)
            {
                text = "";
                error = $"The document declares the encoding '{declared}', which PaperBot cannot read.";
                return false;
            }
            // A declared UTF-16 without a byte-order mark or 16-bit bytes is a copy-paste lie: the bytes are 8-bit.
            if (fromDeclaration is not UnicodeEncoding and not UTF32Encoding)
            {
                text = fromDeclaration.GetString(bytes);
                return true;
            }
        }
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.GetEncoding(1252).GetString(bytes);
        }
        return true;
    }

    /// <summary>The first bytes as text, good enough to recognise a format: a byte-order mark or 16-bit markup is
    /// honoured; 8-bit code pages read as UTF-8, since markup is ASCII in all of them.</summary>
    public static string Sniff(ReadOnlySpan<byte> head) =>
        Unicode(head) is { } unicode ? unicode.Encoding.GetString(head[unicode.Preamble..]) : Encoding.UTF8.GetString(head);

    /// <summary>A byte-order mark, or '&lt;?' in UTF-16 without one.</summary>
    private static (Encoding Encoding, int Preamble)? Unicode(ReadOnlySpan<byte> b) => b switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (Encoding.UTF8, 3),
        [0xFF, 0xFE, 0x00, 0x00, ..] => (Encoding.UTF32, 4),
        [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: false), 4),
        [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
        [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
        [(byte)'<', 0x00, (byte)'?', 0x00, ..] => (Encoding.Unicode, 0),
        [0x00, (byte)'<', 0x00, (byte)'?', ..] => (Encoding.BigEndianUnicode, 0),
        _ => null,
    };

    private static string? DeclaredName(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 256)]);
        var match = Declaration().Match(head);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static Encoding? Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        try
        {
            return Encoding.GetEncoding(name.Trim().Trim('"'));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return null; // an unknown name, or one .NET refuses (UTF-7): the next rule decides
        }
    }
}
