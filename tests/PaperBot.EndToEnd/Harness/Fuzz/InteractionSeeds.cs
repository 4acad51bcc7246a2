using System.Text;
using System.Text.Json.Nodes;

namespace PaperBot.EndToEnd.Harness.Fuzz;

/// <summary>Good interactions of every type and command, the seeds the payload fuzzing mutates.</summary>
public static class InteractionSeeds
{
    private const string Manager = DiscordInteractions.ManageChannels;

    /// <param name="searchButton">A real button's custom id (a live search session), so that a mutation can reach its page arithmetic.</param>
    public static IReadOnlyList<byte[]> All(string searchButton) =>
    [
        .. new[]
        {
            DiscordInteractions.InGuild("subscribe", "911", Manager, ("query", "diffusion -survey"), ("where", "here"), ("delivery", "daily"), ("at", "08:30"), ("timezone", "Europe/Berlin")),
            DiscordInteractions.InDm("subscribe", "912", ("query", "title:(graph OR robot*)"), ("delivery", "weekly"), ("day", "friday")),
            DiscordInteractions.InGuild("search", "913", DiscordInteractions.Member, ("query", "robotics OR transformer"), ("sort", "newest")),
            DiscordInteractions.InGuild("latest", "913", DiscordInteractions.Member, ("source", "huggingface")),
            DiscordInteractions.InDm("trending", "914"),
            DiscordInteractions.InDm("paper", "914", ("id", "2601.10001")),
            DiscordInteractions.InDm("subscriptions", "912"),
            DiscordInteractions.InDm("unsubscribe", "912", ("subscription", "sub_0000000000")),
            DiscordInteractions.InDm("digest", "912"),
            DiscordInteractions.InGuild("status", "913", DiscordInteractions.Member),
            DiscordInteractions.InDm("help", "915"),
            WithType(DiscordInteractions.InDm("subscribe", "916", ("query", "graph"), ("timezone", "Europe/Be")), type: 4, focused: "timezone"),
            WithType(DiscordInteractions.InDm("unsubscribe", "912", ("subscription", "sub")), type: 4, focused: "subscription"),
            Button(searchButton),
            """{"type":1,"id":"1","application_id":"1","token":"t","version":1}""",
        }.Select(Encoding.UTF8.GetBytes),
    ];

    private static string WithType(string json, int type, string focused)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node["type"] = type;
        foreach (var option in node["data"]!["options"]!.AsArray())
            if (option!["name"]!.GetValue<string>() == focused) option["focused"] = true;
        return node.ToJsonString();
    }

    private static string Button(string customId)
    {
        var node = JsonNode.Parse(DiscordInteractions.InGuild("search", "913", DiscordInteractions.Member))!.AsObject();
        node["type"] = 3;
        node["data"] = new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 };
        node["message"] = new JsonObject { ["id"] = "4000" };
        return node.ToJsonString();
    }
}
