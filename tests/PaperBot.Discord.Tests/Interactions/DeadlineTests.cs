using Microsoft.Extensions.DependencyInjection;
using PaperBot.Core.Search;
using PaperBot.Discord.Commands.Papers;
using PaperBot.Discord.Interactions;
using PaperBot.Discord.Rest.Models;
using PaperBot.Discord.Tests.Support;
using static PaperBot.Discord.Tests.Support.Interactions;

namespace PaperBot.Discord.Tests.Interactions;

public class DeadlineTests
{
    /// <summary>Moves the fake clock until the router answers: the deadline's timer starts on another thread.</summary>
    private static async Task<RoutedInteraction> AdvanceUntilAnswered(InteractionRig rig, Task<RoutedInteraction> routing)
    {
        for (var i = 0; i < 1000 && !routing.IsCompleted; i++)
        {
            rig.Time.Advance(TimeSpan.FromMilliseconds(50));
            await Task.Yield();
        }
        return await routing.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_command_slower_than_the_deadline_is_deferred_and_its_answer_edits_the_original_response()
    {
        var search = new GatedSearch();
        using var rig = new InteractionRig(configure: s => s.AddSingleton<IPaperSearch>(search));
        var interaction = InGuild("latest");

        var routed = await AdvanceUntilAnswered(rig, rig.Router.RouteAsync(interaction, CancellationToken.None));

        Assert.Equal(InteractionCallbackTypes.DeferredChannelMessageWithSource, routed.Initial.Type);
        Assert.Null(routed.Initial.Data);
        Assert.True(rig.Time.GetUtcNow() - new DateTimeOffset(2026, 3, 12, 9, 0, 0, TimeSpan.Zero) >= InteractionRouter.DeferAfter);
        Assert.Empty(rig.Rest.Edits);

        rig.Router.FollowUp(interaction, routed);
        search.Release();
        await rig.Router.DrainAsync();

        var edit = Assert.Single(rig.Rest.Edits);
        Assert.Equal(interaction.Token, edit.Token);
        Assert.Equal("No papers stored yet.", edit.Data.Content);
    }

    [Fact]
    public async Task A_slow_button_press_defers_as_a_message_update_and_then_edits_that_message()
    {
        var search = new GatedSearch();
        using var rig = new InteractionRig(configure: s => s.AddSingleton<IPaperSearch>(search));
        var key = rig.Get<SearchSessions>().Add(new SearchSession("diffusion", 5, SearchSort.Relevance));
        var press = Press(InGuild("search"), $"search:{key}:5");

        var routed = await AdvanceUntilAnswered(rig, rig.Router.RouteAsync(press, CancellationToken.None));
        rig.Router.FollowUp(press, routed);
        search.Release();
        await rig.Router.DrainAsync();

        Assert.Equal(InteractionCallbackTypes.DeferredUpdateMessage, routed.Initial.Type);
        Assert.Contains("No stored paper matches", Assert.Single(rig.Rest.Edits).Data.Content);
    }

    [Fact]
    public async Task A_fast_command_is_answered_inline_without_a_follow_up()
    {
        using var rig = new InteractionRig();
        var answer = await rig.SendAsync(InGuild("help"));
        Assert.Equal(InteractionCallbackTypes.ChannelMessageWithSource, answer.Type);
        Assert.Empty(rig.Rest.Edits);
    }
}
