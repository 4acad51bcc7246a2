using System.Globalization;
using System.Text;
using PaperBot.Core.Ingestion;
using PaperBot.Sources.Feeds;
using PaperBot.Sources.Parsing;
using PaperBot.Testing;

namespace PaperBot.Sources.Tests.Parsing;

/// <summary>
/// Seeded random mutations of every fixture file, fed to every parser and to format detection: no exception
/// escapes, nothing hangs, and whatever is accepted obeys the entry rules. The seed is fixed so a failure
/// reproduces; set <c>PAPERBOT_FUZZ_SEED</c> to explore others.
/// </summary>
public sealed class ParserFuzzTests
{
    private const int MutationsPerFixture = 8;
    private static readonly TimeSpan PerCaseLimit = TimeSpan.FromSeconds(10);

    private static readonly string[] Insertions =
    [
        "<", ">", "&", "\0", "&#0;", "&#xD800;", "&nosuch;", "&nbsp;", "]]>", "<![CDATA[", "<!--", "\"", "'", "{", "[", "]", "}", ",",
        "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\">]>", "<?xml version=\"1.0\" encoding=\"koi8-r\"?>", "\uFEFF", "\r\n\r\n", "\\u0000",
        "xmlns=\"http://purl.org/rss/1.0/\"", "<item><title>t</title><link>javascript:alert(1)</link></item>",
    ];

    private static readonly string?[] Charsets = [null, "utf-8", "windows-1252", "big5", "utf-16", "utf-7", "x-nonsense", "", "\"koi8-r\""];

    private sealed record Case(string Fixture, int Index, string Mutations, byte[] Bytes, string? Charset);

    [Fact]
    public async Task No_mutation_of_any_fixture_makes_a_parser_throw_hang_or_accept_a_bad_entry()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("PAPERBOT_FUZZ_SEED"), CultureInfo.InvariantCulture, out var s) ? s : 20_261_204;
        var failures = new List<string>();
        var cases = 0;
        foreach (var c in Cases(seed))
        {
            foreach (var (name, run) in Runs(c))
            {
                cases++;
                string? problem;
                try
                {
                    problem = await Task.Run(run).WaitAsync(PerCaseLimit);
                }
                catch (TimeoutException)
                {
                    problem = $"did not finish within {PerCaseLimit.TotalSeconds:0} s";
                }
#pragma warning disable CA1031 // the point of the test: any exception is a finding, reported with its case
                catch (Exception e)
#pragma warning restore CA1031
                {
                    problem = $"threw {e.GetType().Name}: {e.Message}";
                }
                if (problem is not null) failures.Add($"{name} on {c.Fixture} mutation #{c.Index} [{c.Mutations}] charset {c.Charset ?? "none"}: {problem}");
            }
        }

        Assert.True(cases > 1_500, $"only {cases} cases ran");
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {cases} cases failed (seed {seed}; rerun with PAPERBOT_FUZZ_SEED={seed}):\n" + string.Join("\n", failures.Take(25)));
    }

    private static IEnumerable<(string Name, Func<string?> Run)> Runs(Case c)
    {
        yield return ("detection", () =>
        {
            DocumentParsers.Detect(c.Bytes.AsSpan(0, Math.Min(c.Bytes.Length, DocumentParsers.HeadLength)));
            return null;
        });
        foreach (var parser in DocumentParsers.All)
            yield return (parser.Format, () => Check(parser.Parse(new MemoryStream(c.Bytes, writable: false))));
        yield return ("feed over http", () => Check(new SyndicationFeedParser().Parse(c.Bytes, c.Charset)));
    }

    /// <summary>Why a result breaks the parsers' contract, or null.</summary>
    private static string? Check(ParseResult result)
    {
        if (result.IsFailure)
            return result.Error!.Length == 0 || result.Error.Contains('\n', StringComparison.Ordinal) ? $"the error is not one line: '{result.Error}'" : null;
        foreach (var p in result.Papers)
        {
            if (p.Title.Length is 0 or > ParseLimits.MaxTitleLength) return $"accepted a title of {p.Title.Length} characters";
            string?[] links = [p.Links.Abstract, p.Links.Pdf, p.Links.Code, p.Links.ProjectPage, p.Links.Other];
            if (links.FirstOrDefault(l => l is not null && !l.StartsWith("http://", StringComparison.Ordinal) && !l.StartsWith("https://", StringComparison.Ordinal)) is { } bad)
                return $"accepted the link '{bad}'";
        }
        return null;
    }

    private static IEnumerable<Case> Cases(int seed)
    {
        var root = FixtureFiles.PathOf("");
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            var name = Path.GetRelativePath(root, file);
            var original = File.ReadAllBytes(file);
            // One generator per fixture: adding a fixture does not change the cases of the others.
            var random = new Random(unchecked(seed * 31 + StableHash(name)));
            for (var i = 0; i < MutationsPerFixture; i++)
            {
                var bytes = original;
                var applied = new List<string>();
                var count = random.Next(1, 4);
                for (var m = 0; m < count; m++) bytes = Mutate(random, bytes, applied);
                yield return new Case(name, i, string.Join(", ", applied), bytes, Charsets[random.Next(Charsets.Length)]);
            }
        }
    }

    private static byte[] Mutate(Random random, byte[] bytes, List<string> applied)
    {
        var at = bytes.Length == 0 ? 0 : random.Next(bytes.Length + 1);
        switch (random.Next(7))
        {
            case 0:
                var flipped = (byte[])bytes.Clone();
                var flips = random.Next(1, 9);
                for (var i = 0; i < flips && flipped.Length > 0; i++) flipped[random.Next(flipped.Length)] ^= (byte)random.Next(1, 256);
                applied.Add($"{flips} byte flips");
                return flipped;
            case 1:
                applied.Add($"truncated at {at}");
                return bytes[..at];
            case 2:
                var insertion = Insertions[random.Next(Insertions.Length)];
                applied.Add($"inserted {Escape(insertion)} at {at}");
                return Insert(bytes, at, Encoding.UTF8.GetBytes(insertion));
            case 3:
                var size = random.Next(1_000, 64_000);
                applied.Add($"attribute of {size} bytes after the tag name at {at}");
                var tag = Array.IndexOf(bytes, (byte)'>', at);
                return Insert(bytes, tag < 0 ? at : tag, Encoding.ASCII.GetBytes(" huge=\"" + new string('x', size) + "\""));
            case 4:
                var depth = random.Next(100, 5_000);
                applied.Add($"nesting {depth} deep at {at}");
                var open = string.Concat(Enumerable.Repeat("<d>", depth));
                var close = random.Next(2) == 0 ? string.Concat(Enumerable.Repeat("</d>", depth)) : "";
                return Insert(bytes, at, Encoding.ASCII.GetBytes(open + close));
            case 5:
                var from = random.Next(bytes.Length + 1);
                var length = random.Next(Math.Min(4_096, bytes.Length - from) + 1);
                applied.Add($"{length} bytes from {from} repeated at {at}");
                return Insert(bytes, at, bytes[from..(from + length)]);
            default:
                var start = random.Next(bytes.Length + 1);
                var cut = random.Next(Math.Min(512, bytes.Length - start) + 1);
                applied.Add($"{cut} bytes deleted at {start}");
                return [.. bytes[..start], .. bytes[(start + cut)..]];
        }
    }

    private static byte[] Insert(byte[] bytes, int at, byte[] insertion) => [.. bytes[..at], .. insertion, .. bytes[at..]];

    private static string Escape(string s) => s.Length > 40 ? s[..40] + "…" : s.Replace("\0", "\\0", StringComparison.Ordinal).Replace("\r\n", "\\r\\n", StringComparison.Ordinal);

    private static int StableHash(string s)
    {
        var h = 17;
        foreach (var c in s) h = unchecked(h * 31 + c);
        return h;
    }
}
