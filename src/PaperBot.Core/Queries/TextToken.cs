namespace PaperBot.Core.Queries;

/// <summary>
/// One word of analysed text: <see cref="Term"/> is the folded form (lower case, no accents), <see cref="Stem"/>
/// the same word with a plural ending removed (<see cref="PluralStemmer"/>), <see cref="Position"/> its word number
/// within the text, and <see cref="Start"/>/<see cref="Length"/> where it sits in the original text (for highlighting).
/// </summary>
public readonly record struct TextToken(string Term, string Stem, int Position, int Start, int Length);
