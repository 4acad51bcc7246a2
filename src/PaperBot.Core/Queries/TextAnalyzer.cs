using System.Globalization;
using System.Text;

namespace PaperBot.Core.Queries;

/// <summary>
/// The one tokenizer used for papers and for queries, so both sides always agree (the search index reuses it too).
/// Rules (docs/query-language.md):
/// <list type="bullet">
/// <item>A word is a run of letters and digits; everything else (spaces, hyphens, dots, apostrophes, symbols)
/// separates words. So <c>few-shot</c> is the two words <c>few</c> <c>shot</c> at consecutive positions, exactly like
/// <c>few shot</c>, and <c>GPT-4.5</c> is <c>gpt</c> <c>4</c> <c>5</c>.</item>
/// <item>Words are folded: lower case (invariant culture), accents removed (<c>TÜLU</c> → <c>tulu</c>), and a few
/// letters without a decomposition spelled out (ß → ss, æ → ae, œ → oe, ø → o, ł → l, đ/ð → d, þ → th, ı → i).</item>
/// <item>Each word also gets its stem: the plural ending removed by <see cref="PluralStemmer"/>.</item>
/// </list>
/// </summary>
public static class TextAnalyzer
{
    /// <summary>Splits and folds <paramref name="text"/> into words with positions 0, 1, 2, ….</summary>
    public static IReadOnlyList<TextToken> Analyze(string? text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var tokens = new List<TextToken>(text.Length / 6 + 1); // about one word per six characters of English
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordStart(text[i])) { i++; continue; }
            var start = i;
            var ascii = true;
            while (i < text.Length && IsWordPart(text[i]))
            {
                ascii &= text[i] < 128;
                i++;
            }
            var term = ascii ? LowerAscii(text.AsSpan(start, i - start)) : Fold(text.AsSpan(start, i - start));
            if (term.Length == 0) continue;
            tokens.Add(new TextToken(term, PluralStemmer.Stem(term), tokens.Count, start, i - start));
        }
        return tokens;
    }

    /// <summary>Folds one word the way <see cref="Analyze"/> does, without splitting it (categories, source names).</summary>
    public static string FoldWord(string word)
    {
        foreach (var c in word)
            if (c >= 128) return Fold(word);
        return word.ToLowerInvariant();
    }

    private static bool IsWordStart(char c) => c < 128 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c);

    // Combining marks stay inside a word so that decomposed input ("u" + U+0308) folds like the composed letter.
    private static bool IsWordPart(char c) => c < 128
        ? char.IsAsciiLetterOrDigit(c)
        : char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static string LowerAscii(ReadOnlySpan<char> word) =>
        string.Create(word.Length, word, static (dest, src) =>
        {
            for (var k = 0; k < src.Length; k++) dest[k] = char.ToLowerInvariant(src[k]);
        });

    private static string Fold(ReadOnlySpan<char> word)
    {
        var decomposed = word.ToString().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark) continue;
            var lower = char.ToLowerInvariant(c);
            sb.Append(lower switch
            {
                'ß' => "ss",
                'æ' => "ae",
                'œ' => "oe",
                'ø' => "o",
                'ł' => "l",
                'đ' or 'ð' => "d",
                'þ' => "th",
                'ı' => "i",
                _ => null,
            } ?? lower.ToString());
        }
        return sb.ToString();
    }
}
