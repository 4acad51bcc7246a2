using System.Globalization;
using System.Text;

namespace PaperBot.Core.Papers;

/// <summary>Folds a title to letters and digits only, lower case and without accents, so that the same title
/// typeset differently (dashes, TeX, spacing, case) yields the same key.</summary>
public static class TitleKey
{
    public static string Normalise(string title)
    {
        var decomposed = title.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && sb.Length > 0) sb.Append(' ');
                pendingSpace = false;
                sb.Append(char.ToLowerInvariant(c));
            }
            else pendingSpace = true;
        }
        return sb.ToString();
    }
}
