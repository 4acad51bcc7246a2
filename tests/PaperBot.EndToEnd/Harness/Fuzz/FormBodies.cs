using System.Text;

namespace PaperBot.EndToEnd.Harness.Fuzz;

/// <summary>
/// Mutated bodies of the subscribe form, with its valid antiforgery field kept (or not) so that most reach the
/// form's own reading: a field's value mutated or oversized, fields dropped or repeated thousands of times, huge
/// names, raw byte damage after encoding, and the wrong or a broken content type.
/// </summary>
public sealed class FormBodies(Mutator mutator)
{
    private const string UrlEncoded = "application/x-www-form-urlencoded";

    public (string ContentType, Mutant Body) Next(IReadOnlyList<KeyValuePair<string, string>> good)
    {
        var fields = good.Select(f => (Name: Encoding.UTF8.GetBytes(f.Key), Value: Encoding.UTF8.GetBytes(f.Value))).ToList();
        var random = mutator.Random;
        var at = random.Next(fields.Count);
        string operation;
        switch (random.Next(7))
        {
            case 0:
            case 1:
                var mutated = mutator.Mutate(fields[at].Value, DocumentKind.Query);
                fields[at] = (fields[at].Name, mutated.Bytes);
                operation = $"{good[at].Key}:{mutated.Operators}";
                break;
            case 2:
                fields[at] = (fields[at].Name, Encoding.UTF8.GetBytes(new string('x', random.Next(4) == 0 ? random.Next(4_000_000, 6_000_000) : random.Next(2_000, 200_000))));
                operation = $"{good[at].Key}:oversized";
                break;
            case 3:
                fields.RemoveAt(at);
                operation = $"{good[at].Key}:dropped";
                break;
            case 4:
                var copies = random.Next(2) == 0 ? random.Next(2, 10) : random.Next(1_000, 5_000);
                fields.AddRange(Enumerable.Repeat(fields[at], copies));
                operation = $"{good[at].Key}:repeated";
                break;
            case 5:
                fields.Add((Encoding.UTF8.GetBytes(new string('k', random.Next(1_000, 100_000))), "v"u8.ToArray()));
                operation = "huge-name";
                break;
            default:
                var raw = mutator.Mutate(Encode(fields), DocumentKind.Text);
                return (ContentType(random), raw with { Operators = "raw:" + raw.Operators });
        }
        return (ContentType(random), new Mutant(operation, Encode(fields)));
    }

    private static string ContentType(Random random) => random.Next(10) switch
    {
        0 => "multipart/form-data; boundary=----x",
        1 => "multipart/form-data",
        2 => "text/plain",
        3 => UrlEncoded + "; charset=utf-16",
        4 => UrlEncoded + "; charset=no-such",
        _ => UrlEncoded,
    };

    /// <summary>Percent-encodes raw bytes, so invalid UTF-8 arrives as it is.</summary>
    private static byte[] Encode(List<(byte[] Name, byte[] Value)> fields)
    {
        var sb = new StringBuilder();
        foreach (var (name, value) in fields)
        {
            if (sb.Length > 0) sb.Append('&');
            Append(sb, name);
            sb.Append('=');
            Append(sb, value);
        }
        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    private static void Append(StringBuilder sb, byte[] bytes)
    {
        foreach (var b in bytes)
        {
            if (b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
                sb.Append((char)b);
            else sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
