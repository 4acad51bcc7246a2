using PaperBot.Core.Delivery;
using PaperBot.Email.Tests.Support;
using PaperBot.Testing;

namespace PaperBot.Email.Tests;

public class OptionsTests
{
    private static string[] Keys(EmailOptions options) => [.. options.Validate().Select(e => e.Key)];

    [Fact]
    public void The_defaults_are_valid_and_email_is_off()
    {
        var options = new EmailOptions();
        Assert.Empty(Keys(options));
        Assert.False(options.Enabled);
        Assert.False(options.UsesSmtp);
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("papers")]
    public void A_sender_without_a_domain_is_refused(string from) =>
        Assert.Equal(["Email:From"], Keys(new EmailOptions { From = from }));

    [Fact]
    public void Each_bad_smtp_value_is_reported_with_its_key()
    {
        var options = new EmailOptions
        {
            From = "papers@bot.example.org",
            Smtp = new SmtpSettings { Host = "smtp.example.org", Port = 0, Username = "bot", PoolSize = 0, Timeout = TimeSpan.Zero },
        };
        Assert.Equal(["Email:Smtp:Port", "Email:Smtp:Password", "Email:Smtp:PoolSize", "Email:Smtp:Timeout"], Keys(options));
        Assert.Equal(["Email:Smtp:PoolSize"], Keys(new EmailOptions { Smtp = new SmtpSettings { PoolSize = 17 } }));
    }

    [Fact]
    public void Dkim_needs_all_three_keys_and_a_readable_private_key()
    {
        using var dir = new TempDirectory();
        var notAKey = dir.Write("not-a-key.pem", "hello");
        Assert.Equal(["Email:Dkim"], Keys(new EmailOptions { Dkim = new DkimSettings { Domain = "bot.example.org" } }));
        Assert.Equal(["Email:Dkim:PrivateKeyPath"], Keys(new EmailOptions { Dkim = new DkimSettings { Domain = "d", Selector = "s", PrivateKeyPath = dir.File("missing.pem") } }));
        Assert.Equal(["Email:Dkim:PrivateKeyPath"], Keys(new EmailOptions { Dkim = new DkimSettings { Domain = "d", Selector = "s", PrivateKeyPath = notAKey } }));
        using var key = new TestDkimKey(dir.Path);
        Assert.Empty(Keys(new EmailOptions { Dkim = new DkimSettings { Domain = "d", Selector = "s", PrivateKeyPath = key.PrivateKeyPath } }));
    }

    [Fact]
    public void A_templates_folder_that_is_missing_or_holds_a_broken_template_is_refused()
    {
        using var dir = new TempDirectory();
        Assert.Equal(["Email:TemplatesDirectory"], Keys(new EmailOptions { TemplatesDirectory = dir.File("missing") }));
        dir.Write("templates/digest.txt.liquid", "{% for p in papers %} never closed");
        var problem = Assert.Single(new EmailOptions { TemplatesDirectory = dir.File("templates") }.Validate());
        Assert.Contains("digest.txt.liquid", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_template_in_the_override_folder_replaces_the_embedded_one_and_the_others_stay()
    {
        await using var rig = EmailRig.With(dir =>
        {
            Directory.CreateDirectory(Path.Combine(dir, "templates"));
            File.WriteAllText(Path.Combine(dir, "templates", "digest.txt.liquid"), "Custom digest: {{ total }} for {{ query }}{% for p in papers %} [{{ p.title }}]{% endfor %}");
            return new EmailOptions { From = "papers@bot.example.org", PickupDirectory = Path.Combine(dir, "outbox"), TemplatesDirectory = Path.Combine(dir, "templates") };
        });

        var sent = Assert.IsType<DeliveryResult.Sent>(await rig.Channel.SendAsync(Papers.Batch("b-1", count: 2), CancellationToken.None));

        var message = await MimeKit.MimeMessage.LoadAsync(sent.Receipt!);
        Assert.Equal("Custom digest: 2 for diffusion [Diffusion Paper 1] [Diffusion Paper 2]", message.TextBody!.Trim());
        Assert.Contains("<table role=\"presentation\"", message.HtmlBody, StringComparison.Ordinal);
    }
}
