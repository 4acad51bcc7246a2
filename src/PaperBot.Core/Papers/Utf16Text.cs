namespace PaperBot.Core.Papers;

/// <summary>
/// Half of a UTF-16 surrogate pair cannot become UTF-8, so LiteDB refuses to store a string holding one (an
/// EncoderFallbackException deep in a write). Outside input can carry them (a JSON <c>\udc00</c> escape, a text cut
/// in the middle of an emoji); these keep every string whole.
/// </summary>
public static class Utf16Text
{
    /// <summary><paramref name="text"/> with each lone surrogate replaced (or dropped, with an empty replacement).</summary>
    public static string WithoutLoneSurrogates(string text, string replacement = "\uFFFD")
    {
        var first = text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF');
        if (first < 0) return text; // the usual case: nothing to look at
        var sb = new System.Text.StringBuilder(text.Length);
        sb.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                sb.Append(replacement);
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    /// <summary>The first <paramref name="length"/> characters, one fewer if that would cut a surrogate pair in two.</summary>
    public static string Cut(string text, int length) =>
        text.Length <= length ? text : text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];
}
