namespace PaperBot.Core.Ingestion;

/// <summary>What to fetch: the latest papers (no dates) or a backfill of the days <see cref="From"/>..<see cref="To"/>
/// inclusive, plus the conditional-GET validators remembered from earlier polls.</summary>
public sealed record FetchRequest
{
    public static FetchRequest Latest { get; } = new();

    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public CacheValidators Validators { get; init; } = CacheValidators.None;

    public bool IsBackfill => From is not null;

    public static FetchRequest ForDay(DateOnly day) => new() { From = day, To = day };

    public static FetchRequest ForRange(DateOnly from, DateOnly to)
    {
        if (to < from) throw new ArgumentException($"The range ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).", nameof(to));
        return new() { From = from, To = to };
    }

    /// <summary>The days of a backfill, oldest first; empty for a latest poll.</summary>
    public IEnumerable<DateOnly> Days()
    {
        if (From is not { } from) yield break;
        for (var d = from; d <= (To ?? from); d = d.AddDays(1)) yield return d;
    }
}
