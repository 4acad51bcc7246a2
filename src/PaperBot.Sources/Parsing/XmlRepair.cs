using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace PaperBot.Sources.Parsing;

/// <summary>
/// The three breakages hand-made feeds share, mended so their papers can still be read: HTML entities the XML
/// never declares (<c>&amp;nbsp;</c>, <c>&amp;eacute;</c> — RSS 0.91 got them from the Netscape DTD, which is not
/// read), a bare <c>&amp;</c> (<c>R&amp;D</c>), and control characters XML forbids. CDATA sections are copied
/// as they are: there an ampersand is already just text. Applied only after a strict read failed.
/// </summary>
internal static partial class XmlRepair
{
    private const string CdataStart = "<![CDATA[";
    private const string CdataEnd = "]]>";

    // An entity or character reference as XML reads it, or a lone '&'.
    [GeneratedRegex("&(?:(?<name>[A-Za-z][A-Za-z0-9]{0,31});|#[0-9]{1,7};|#x[0-9A-Fa-f]{1,6};)?", RegexOptions.CultureInvariant)]
    private static partial Regex Ampersand();

    public static string Mend(string xml)
    {
        var sb = new StringBuilder(xml.Length + 64);
        var at = 0;
        while (at < xml.Length)
        {
            var cdata = xml.IndexOf(CdataStart, at, StringComparison.Ordinal);
            var markupEnd = cdata < 0 ? xml.Length : cdata;
            MendMarkup(sb, xml.AsSpan(at, markupEnd - at).ToString());
            if (cdata < 0) break;
            var end = xml.IndexOf(CdataEnd, cdata + CdataStart.Length, StringComparison.Ordinal);
            var stop = end < 0 ? xml.Length : end + CdataEnd.Length;
            AppendXmlChars(sb, xml.AsSpan(cdata, stop - cdata));
            at = stop;
        }
        return sb.ToString();
    }

    private static void MendMarkup(StringBuilder sb, string markup)
    {
        var mended = Ampersand().Replace(markup, m =>
        {
            if (m.Length == 1) return "&amp;";
            var name = m.Groups["name"];
            if (!name.Success || name.Value is "amp" or "lt" or "gt" or "quot" or "apos") return m.Value;
            var decoded = WebUtility.HtmlDecode(m.Value);
            if (decoded == m.Value) return "&amp;" + m.Value[1..]; // not an HTML entity either: keep it as text
            var numeric = new StringBuilder();
            for (var i = 0; i < decoded.Length; i += char.IsSurrogatePair(decoded, i) ? 2 : 1)
                numeric.Append(CultureInfo.InvariantCulture, $"&#{char.ConvertToUtf32(decoded, i)};");
            return numeric.ToString();
        });
        AppendXmlChars(sb, mended);
    }

    private static void AppendXmlChars(StringBuilder sb, ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (XmlConvert.IsXmlChar(c)) sb.Append(c);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                sb.Append(c).Append(text[i + 1]);
                i++;
            }
        }
    }
}
