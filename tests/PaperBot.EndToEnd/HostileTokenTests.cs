using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using PaperBot.EndToEnd.Harness;

namespace PaperBot.EndToEnd;

/// <summary>Links and commands aimed at someone else's subscription.</summary>
public sealed partial class HostileTokenTests
{
    private const string Carol = "carol@example.org";
    private const string Dave = "dave@example.org";

    [Fact]
    public async Task A_subscribers_link_opens_only_their_own_subscriptions_and_another_guild_cannot_remove_a_channels_subscription()
    {
        await using var d = await Deployment.CreateAsync(seed: 52);
        await d.StartWithBaselineAsync();
        await d.SubscribeEmailAsync(Carol, "robotics");
        await d.SubscribeEmailAsync(Dave, "robotics");
        await d.SubscribeChannelAsync(DiscordInteractions.Channel, "robotics");
        d.Shelf.Publish(ShelfSource.HuggingFace, "Robotics for the link test", "About robotics.", "robotics");
        await d.EventuallyAsync(() => d.Mail.Papers(Carol).Count == 1 && d.Mail.Papers(Dave).Count == 1, TimeSpan.FromSeconds(20), "both alerts");

        var carolsManage = ManageLink().Match(d.Mail.Papers(Carol)[0].TextBody!).Value;
        Assert.NotEmpty(carolsManage);
        var daveId = IdOf(await SubscriptionsAsync(d), Dave);
        var channelId = IdOf(await SubscriptionsAsync(d), DiscordInteractions.Channel);

        using var browser = new WebForm(d.WebUri);
        var page = await browser.Client.GetStringAsync(new Uri(carolsManage));
        Assert.DoesNotContain(Dave, page, StringComparison.Ordinal);
        var csrf = Csrf().Match(page).Groups[1].Value;

        // Carol's valid token with Dave's subscription id: gone, for her; Dave keeps it.
        using (var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["csrf"] = WebUtility.HtmlDecode(csrf) }))
        using (var response = await browser.Client.PostAsync(new Uri($"{carolsManage}/{daveId}/delete"), form))
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        // A token with one character changed opens nothing.
        var tampered = carolsManage[..^3] + (carolsManage[^3] == 'A' ? 'B' : 'A') + carolsManage[^2..];
        using (var response = await browser.Client.GetAsync(new Uri(tampered)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.DoesNotContain(Carol, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // From another guild, a manager cannot remove this guild's channel subscription, even knowing its id.
        var answer = await d.Interactions.CommandAsync(OtherGuild("unsubscribe", ("subscription", channelId)));
        Assert.Contains("No subscription", answer, StringComparison.Ordinal);

        var after = await SubscriptionsAsync(d);
        Assert.Equal(daveId, IdOf(after, Dave));
        Assert.Equal(channelId, IdOf(after, DiscordInteractions.Channel));
        Assert.Equal(3, after.GetArrayLength());
    }

    private static string OtherGuild(string command, params (string Name, string Value)[] options) =>
        DiscordInteractions.InGuild(command, "999", DiscordInteractions.ManageChannels, options)
            .Replace($"\"guild_id\":\"{DiscordInteractions.Guild}\"", $"\"guild_id\":\"{DiscordInteractions.OtherGuild}\"", StringComparison.Ordinal)
            .Replace($"\"channel_id\":\"{DiscordInteractions.Channel}\"", "\"channel_id\":\"610\"", StringComparison.Ordinal);

    private static async Task<JsonElement> SubscriptionsAsync(Deployment d)
    {
        var (code, output) = await d.VerbAsync("subscriptions", "--json");
        Assert.True(code == 0, output);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private static string IdOf(JsonElement subscriptions, string address) =>
        subscriptions.EnumerateArray().Single(s => s.GetRawText().Contains($"\"{address}\"", StringComparison.Ordinal)).GetProperty("id").GetString()!;

    [GeneratedRegex(@"https?://[^\s<>""]+/manage/[A-Za-z0-9_\-\.~%]+", RegexOptions.CultureInvariant)]
    private static partial Regex ManageLink();

    [GeneratedRegex("name=\"csrf\" value=\"([^\"]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex Csrf();
}
