namespace PaperBot.Benchmarks;

/// <summary>One benchmark: prints its numbers beside its baseline; false when a check (results equal the reference) fails.</summary>
public interface IBenchmark
{
    string Name { get; }
    string Description { get; }
    Task<bool> RunAsync(string[] args);
}
