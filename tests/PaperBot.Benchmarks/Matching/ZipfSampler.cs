namespace PaperBot.Benchmarks.Matching;

/// <summary>Draws ranks 0..n-1 with probability proportional to 1/(rank+1)^s, like word frequencies in text.</summary>
internal sealed class ZipfSampler
{
    private readonly double[] _cumulative;

    public ZipfSampler(int n, double s)
    {
        _cumulative = new double[n];
        var sum = 0.0;
        for (var r = 0; r < n; r++) _cumulative[r] = sum += 1.0 / Math.Pow(r + 1, s);
        for (var r = 0; r < n; r++) _cumulative[r] /= sum;
    }

    public int Next(Random random)
    {
        var at = Array.BinarySearch(_cumulative, random.NextDouble());
        return Math.Min(at < 0 ? ~at : at, _cumulative.Length - 1);
    }
}
