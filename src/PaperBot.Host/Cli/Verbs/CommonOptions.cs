using System.CommandLine;

namespace PaperBot.Host.Cli.Verbs;

internal static class CommonOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Write one JSON document to stdout (logs go to stderr)." };

    /// <summary>A count option limited to a sane range, so a typo can't ask for a billion rows.</summary>
    public static Option<int> Count(string name, int defaultValue, int max, string description)
    {
        var option = new Option<int>(name) { Description = $"{description} (1–{max}, default {defaultValue}).", DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<int>();
            if (value < 1 || value > max) r.AddError($"{name} must be between 1 and {max} (got {value}).");
        });
        return option;
    }
}
