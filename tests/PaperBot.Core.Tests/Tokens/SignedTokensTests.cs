using System.Text;
using Microsoft.Extensions.Time.Testing;
using PaperBot.Core.Subscriptions;
using PaperBot.Core.Tokens;

namespace PaperBot.Core.Tests.Tokens;

public sealed class SignedTokensTests
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("a test secret that is long enough, 32+ bytes");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly Subscriber _ann = Subscriber.Email("Ann@Example.org");

    private SignedTokens Tokens(byte[]? secret = null) => new(secret ?? Secret, _time);

    [Fact]
    public void A_token_reads_back_its_purpose_subscriber_and_subscription()
    {
        var claims = Tokens().Read(Tokens().Issue(LinkPurpose.Confirm, _ann, "s-abc23456"));

        Assert.NotNull(claims);
        Assert.Equal(LinkPurpose.Confirm, claims.Purpose);
        Assert.Equal("email:ann@example.org", claims.TargetKey);
        Assert.Equal("s-abc23456", claims.SubscriptionId);
        Assert.Equal(_time.GetUtcNow().AddDays(7), claims.ExpiresAt);
    }

    [Fact]
    public void A_manage_token_covers_every_subscription_of_its_subscriber_and_no_one_else_s()
    {
        var claims = Tokens().Read(Tokens().Issue(LinkPurpose.Manage, _ann))!;

        Assert.Null(claims.SubscriptionId);
        Assert.True(claims.Covers(new Subscription { Id = "s-1", Subscriber = Subscriber.Email("ann@example.org"), Query = "x" }));
        Assert.False(claims.Covers(new Subscription { Id = "s-2", Subscriber = Subscriber.Email("bob@example.org"), Query = "x" }));
    }

    [Fact]
    public void Every_changed_character_makes_the_token_invalid()
    {
        var token = Tokens().Issue(LinkPurpose.Unsubscribe, _ann, "s-abc23456");
        for (var i = 0; i < token.Length; i++)
        {
            var changed = token.ToCharArray();
            changed[i] = changed[i] == 'A' ? 'B' : 'A';
            Assert.Null(Tokens().Read(new string(changed)));
        }
        Assert.Null(Tokens().Read(token[..^1]));
        Assert.Null(Tokens().Read(token + "A"));
    }

    [Fact]
    public void A_token_signed_with_another_secret_is_refused()
    {
        var other = Tokens(Encoding.UTF8.GetBytes("another secret, also long enough for HMAC keys"));
        Assert.Null(Tokens().Read(other.Issue(LinkPurpose.Unsubscribe, _ann)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64 at all!")]
    [InlineData("AAAA")]
    [InlineData(null)]
    public void Garbage_is_refused_without_an_exception(string? token) => Assert.Null(Tokens().Read(token));

    [Fact]
    public void An_oversized_token_is_refused_before_any_work() => Assert.Null(Tokens().Read(new string('A', 10_000)));

    [Fact]
    public void A_confirm_link_expires_after_seven_days_a_manage_link_after_a_year_and_an_unsubscribe_link_never()
    {
        var confirm = Tokens().Issue(LinkPurpose.Confirm, _ann, "s-1");
        var manage = Tokens().Issue(LinkPurpose.Manage, _ann);
        var unsubscribe = Tokens().Issue(LinkPurpose.Unsubscribe, _ann, "s-1");

        _time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        Assert.NotNull(Tokens().Read(confirm));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(Tokens().Read(confirm));
        Assert.NotNull(Tokens().Read(manage));

        _time.Advance(TimeSpan.FromDays(365));
        Assert.Null(Tokens().Read(manage));
        _time.Advance(TimeSpan.FromDays(3650));
        Assert.NotNull(Tokens().Read(unsubscribe));
    }

    [Fact]
    public void Tokens_are_url_safe_even_for_unusual_addresses()
    {
        var token = Tokens().Issue(LinkPurpose.Unsubscribe, Subscriber.Email("o'brien+papers/ü@exämple.org"), "s-1");
        Assert.All(token, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_', $"'{c}' is not URL-safe"));
        Assert.Equal("email:o'brien+papers/ü@exämple.org", Tokens().Read(token)!.TargetKey);
    }

    [Fact]
    public void A_short_secret_is_refused() =>
        Assert.Throws<ArgumentException>(() => new SignedTokens(new byte[SignedTokens.MinSecretBytes - 1], _time));

    [Theory]
    [InlineData("https://papers.example.org", "https://papers.example.org/unsubscribe/")]
    [InlineData("https://example.org/paperbot", "https://example.org/paperbot/unsubscribe/")]
    [InlineData("https://example.org/paperbot/", "https://example.org/paperbot/unsubscribe/")]
    public void Links_are_absolute_under_the_public_base_url_keeping_its_path(string baseUrl, string prefix)
    {
        var link = new SubscriberLinks(Tokens(), new Uri(baseUrl)).Link(LinkPurpose.Unsubscribe, _ann, "s-1");

        Assert.StartsWith(prefix, link.AbsoluteUri, StringComparison.Ordinal);
        var claims = Tokens().Read(link.AbsoluteUri[prefix.Length..]);
        Assert.Equal(LinkPurpose.Unsubscribe, claims!.Purpose);
    }
}
