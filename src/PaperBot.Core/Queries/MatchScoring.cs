
namespace PaperBot.Core.Queries;

/// <summary>
/// Orders matches in digests and search results. Each distinct hit adds its field's weight (title 3, author 2,
/// abstract 1, category and source 0.5: a word in the title says more about the paper than one in the abstract),
/// and the sum is multiplied by <c>1 + log10(1 + upvotes)</c> so Hugging Face popularity lifts a paper without
/// drowning relevance (0 upvotes ×1, 9 ×2, 99 ×3).
/// </summary>
public static class MatchScoring
{
    public static double Score(IReadOnlyList<MatchHit> hits, int? upvotes)
    {
        var sum = 0.0;
        foreach (var hit in hits) sum += FieldWeight(hit.Field);
        return sum * UpvoteBoost(upvotes);
    }

    public static double FieldWeight(string field) => field switch
    {
        "title" => 3.0,
        "author" => 2.0,
        "abstract" => 1.0,
        _ => 0.5,
    };

    public static double UpvoteBoost(int? upvotes) => 1.0 + Math.Log10(1.0 + Math.Max(0, upvotes ?? 0));
}
