using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PaperBot.Core.Delivery;
using PaperBot.Core.Incidents;
using PaperBot.Core.Subscriptions;
using PaperBot.Testing;
using PaperBot.Testing.Smtp;

namespace PaperBot.Email.Tests.Support;

/// <summary>The email adapter as the host composes it (AddPaperBotEmail), over a temp database and test links.</summary>
public sealed class EmailRig : IAsyncDisposable
{
    private readonly TestDatabase _db = new();

    private EmailRig(Func<string, EmailOptions> configure)
    {
        var options = configure(Folder);
        Options = options;
        Services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<TimeProvider>(Time)
            .AddSingleton<ISuppressionList>(_db.Suppressions)
            .AddSingleton<IIncidentStore>(_db.Incidents)
            .AddSingleton<ISubscriberLinks, TestLinks>()
            .AddPaperBotEmail(options)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public EmailOptions Options { get; }
    public ServiceProvider Services { get; }
    public FakeTimeProvider Time { get; } = new(Papers.Now);
    public ISuppressionList Suppressions => _db.Suppressions;
    public IIncidentStore Incidents => _db.Incidents;
    public string Folder => System.IO.Path.GetDirectoryName(_db.Path)!;

    public IDeliveryChannel Channel => Services.GetServices<IDeliveryChannel>().Single();
    public IConfirmationMailer Confirmations => Services.GetRequiredService<IConfirmationMailer>();
    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public static EmailRig Smtp(SmtpTestServer server, Action<EmailOptions>? configure = null)
    {
        var options = new EmailOptions
        {
            From = "PaperBot <papers@bot.example.org>",
            Smtp = new SmtpSettings { Host = "127.0.0.1", Port = server.Port, Security = SmtpSecurity.None, Timeout = TimeSpan.FromSeconds(10) },
        };
        configure?.Invoke(options);
        return new EmailRig(_ => options);
    }

    /// <summary>Options made knowing the rig's own temp folder (for the pickup folder, templates, keys).</summary>
    public static EmailRig With(Func<string, EmailOptions> configure) => new(configure);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        _db.Dispose();
    }
}
