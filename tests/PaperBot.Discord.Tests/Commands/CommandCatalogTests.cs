using System.Text.Json;
using System.Text.RegularExpressions;
using PaperBot.Discord.Commands;
using PaperBot.Discord.Rest;
using PaperBot.Discord.Rest.Models;

namespace PaperBot.Discord.Tests.Commands;

public partial class CommandCatalogTests
{
    /// <summary>Discord's documented name regex, <c>^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$</c>; .NET has no script
    /// classes (<c>sc=</c>), so the Devanagari and Thai blocks stand in for them.</summary>
    [GeneratedRegex(@"^[-_'\p{L}\p{N}\p{IsDevanagari}\p{IsThai}]{1,32}$")]
    private static partial Regex NamePattern();

    private static IEnumerable<CommandOption> AllOptions(IEnumerable<CommandOption>? options) =>
        options?.SelectMany(o => AllOptions(o.Options).Prepend(o)) ?? [];

    [Fact]
    public void Every_command_of_the_interface_is_in_the_catalog_once()
    {
        Assert.Equal(
            ["subscribe", "unsubscribe", "subscriptions", "search", "latest", "trending", "paper", "digest", "status", "help"],
            CommandCatalog.All.Select(c => c.Name));
    }

    [Fact]
    public void Every_name_matches_discords_pattern_and_is_lowercase()
    {
        var names = CommandCatalog.All.Select(c => c.Name).Concat(CommandCatalog.All.SelectMany(c => AllOptions(c.Options)).Select(o => o.Name));
        Assert.All(names, n =>
        {
            Assert.Matches(NamePattern(), n);
            Assert.Equal(n.ToLowerInvariant(), n);
        });
    }

    [Fact]
    public void Every_description_choice_and_option_count_is_within_discords_limits()
    {
        foreach (var command in CommandCatalog.All)
        {
            Assert.InRange(command.Description.Length, 1, 100);
            Assert.InRange(command.Options?.Count ?? 0, 0, 25);
            var options = AllOptions(command.Options).ToList();
            Assert.Equal(command.Options?.Count ?? 0, command.Options?.Select(o => o.Name).Distinct().Count() ?? 0);
            foreach (var option in options)
            {
                Assert.InRange(option.Description.Length, 1, 100);
                Assert.InRange(option.Choices?.Count ?? 0, 0, 25);
                Assert.False(option.Autocomplete == true && option.Choices is not null, $"{command.Name}.{option.Name}: autocomplete with choices");
                Assert.All(option.Choices ?? [], c =>
                {
                    Assert.InRange(c.Name.Length, 1, 100);
                    Assert.InRange(c.Value.ToString().Length, 1, 100);
                });
                if (option.MaxLength is { } max) Assert.InRange(max, 1, 6000);
            }
            // Required options come before optional ones.
            var required = command.Options?.Select(o => o.Required == true).ToList() ?? [];
            Assert.Equal(required.OrderByDescending(r => r), required);
            // Names, descriptions and values together: at most 8000 characters per command.
            var total = command.Name.Length + command.Description.Length + options.Sum(o =>
                o.Name.Length + o.Description.Length + (o.Choices?.Sum(c => c.Name.Length + c.Value.ToString().Length) ?? 0));
            Assert.InRange(total, 1, 8000);
        }
        Assert.InRange(CommandCatalog.All.Count, 1, 100);
    }

    [Fact]
    public void The_catalog_serialises_in_discords_snake_case_without_nulls()
    {
        var json = JsonSerializer.Serialize(CommandCatalog.All, DiscordJsonContext.Default.IReadOnlyListApplicationCommand);

        Assert.Contains("\"max_length\":1000", json, StringComparison.Ordinal);
        Assert.Contains("\"autocomplete\":true", json, StringComparison.Ordinal);
        Assert.Contains("\"choices\":[{\"name\":\"instant: each new paper as it arrives\",\"value\":\"instant\"}", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"id\":", json, StringComparison.Ordinal); // ids are Discord's to assign
    }
}
