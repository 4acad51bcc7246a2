using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using PaperBot.Core.Queries;
using PaperBot.Search.Indexing;

namespace PaperBot.Search.Analysis;

/// <summary>
/// A Lucene tokenizer that is <see cref="TextAnalyzer"/>: it reads the whole field value, analyses it once with the
/// query language's own rules and replays the words, so search and subscriptions can never disagree about what a word is.
/// Offsets are the words' places in the original text.
/// </summary>
internal sealed class TextAnalyzerTokenizer : Tokenizer
{
    // Lucene rejects a term over 32,766 UTF-8 bytes (and with it the whole batch). A query is at most 1,000 characters,
    // so cutting a giant word (a blob in a feed) to 8,000 characters changes no word, phrase or prefix match.
    internal const int MaxTermChars = 8000;

    private readonly TokenMode _mode;
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _position;
    private readonly IOffsetAttribute _offset;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private IReadOnlyList<TextToken> _tokens = [];
    private IEnumerator<string>? _authorPairs;
    private int _next;
    private string? _pendingInitial;
    private int _weight = 1;
    private int _pendingRepeats;
    private int _length;
    private int _lastPosition;

    public TextAnalyzerTokenizer(TextReader input, TokenMode mode) : base(input)
    {
        _mode = mode;
        _term = AddAttribute<ICharTermAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_pendingRepeats > 0)
        {
            // The same term again at the same position and offsets: a weighted value counts that many times.
            _pendingRepeats--;
            _position.PositionIncrement = 0;
            return true;
        }
        ClearAttributes();
        if (_pendingInitial is not null)
        {
            // Stacked on the word just emitted: same position, same offsets.
            var word = _tokens[_next - 1];
            Emit(_pendingInitial, 0, word);
            _pendingInitial = null;
            return true;
        }
        if (_mode == TokenMode.Pairs) return NextPair() && Repeated();
        if (_mode == TokenMode.Words) return NextNewWord();
        if (_mode == TokenMode.AuthorPairs) return NextAuthorPair();
        if (_next >= _tokens.Count) return false;
        var token = _tokens[_next++];
        Emit(_mode == TokenMode.Stems ? token.Stem : token.Term, 1, token);
        if (_mode == TokenMode.AuthorWords) _pendingInitial = AuthorInitial.Of(token.Term);
        return _mode != TokenMode.Stems || Repeated();
    }

    public override void Reset()
    {
        base.Reset();
        if (m_input is AnalyzedTextReader analyzed)
        {
            (_tokens, _length, _weight) = (analyzed.Tokens, analyzed.Text.Length, analyzed.Weight);
        }
        else
        {
            var text = m_input.ReadToEnd() ?? ""; // Lucene.Net's reusable reader gives null for an empty value
            (_tokens, _length, _weight) = (TextAnalyzer.Analyze(text), text.Length, 1);
        }
        _pendingRepeats = 0;
        _next = 0;
        _lastPosition = 0;
        _seen.Clear();
        _pendingInitial = null;
        _authorPairs = _mode == TokenMode.AuthorPairs ? AuthorPairs.Terms([.. _tokens.Select(t => t.Term)]).GetEnumerator() : null;
    }

    public override void End()
    {
        base.End();
        var end = CorrectOffset(_length);
        _offset.SetOffset(end, end);
    }

    private void Emit(string term, int increment, TextToken token)
    {
        _term.SetEmpty().Append(term, 0, Math.Min(term.Length, MaxTermChars));
        _position.PositionIncrement = increment;
        _offset.SetOffset(CorrectOffset(token.Start), CorrectOffset(token.Start + token.Length));
    }

    // After emitting a stem or pair of a weighted value: the repeats that follow it.
    private bool Repeated()
    {
        _pendingRepeats = _weight - 1;
        return true;
    }

    // Word fields only answer "has the paper a word starting with …": each distinct word once, at its first position,
    // and only the words whose stem cannot answer it (TokenMode.Words).
    private bool NextNewWord()
    {
        while (_next < _tokens.Count)
        {
            var token = _tokens[_next++];
            if (StemAnswersPrefixes(token) || !_seen.Add(token.Term)) continue;
            Emit(token.Term, token.Position + 1 - _lastPosition, token);
            _lastPosition = token.Position + 1;
            return true;
        }
        return false;
    }

    // The stem fields hold this word itself, and it begins every word with the same stem.
    private static bool StemAnswersPrefixes(TextToken token) =>
        token.Term.Length <= MaxTermChars && token.Term == token.Stem && PluralStemmer.KeepsPrefix(token.Stem);

    // Pair terms only say "this name has these two words in this order": positions and offsets carry nothing.
    private bool NextAuthorPair()
    {
        if (_authorPairs is null || !_authorPairs.MoveNext()) return false;
        var pair = _authorPairs.Current;
        _term.SetEmpty().Append(pair, 0, Math.Min(pair.Length, MaxTermChars));
        _position.PositionIncrement = 1;
        _offset.SetOffset(0, CorrectOffset(_length));
        return true;
    }

    // The next adjacent pair of common stems as one term at the first one's position, spanning both words.
    private bool NextPair()
    {
        for (; _next + 1 < _tokens.Count; _next++)
        {
            var (first, second) = (_tokens[_next], _tokens[_next + 1]);
            if (!CommonWords.ArePair(first.Stem, second.Stem)) continue;
            _term.SetEmpty().Append(first.Stem).Append(PaperFields.PairSeparator).Append(second.Stem);
            _position.PositionIncrement = _next + 1 - _lastPosition;
            _lastPosition = _next + 1;
            _offset.SetOffset(CorrectOffset(first.Start), CorrectOffset(second.Start + second.Length));
            _next++;
            return true;
        }
        return false;
    }
}
