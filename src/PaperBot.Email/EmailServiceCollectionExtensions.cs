using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PaperBot.Core.Delivery;
using PaperBot.Core.Incidents;
using PaperBot.Email.Delivery;
using PaperBot.Email.Health;
using PaperBot.Email.Messages;
using PaperBot.Email.Pickup;
using PaperBot.Email.Signing;
using PaperBot.Email.Templates;
using PaperBot.Email.Transport;

namespace PaperBot.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// Email: off when <c>Email:From</c> is empty; otherwise the email <see cref="IDeliveryChannel"/> and the
    /// <see cref="IConfirmationMailer"/> over SMTP when <c>Email:Smtp:Host</c> is set, or over the pickup folder.
    /// Needs <c>ISubscriberLinks</c> (web), <c>ISuppressionList</c> and <c>IIncidentStore</c> (storage), a <see cref="TimeProvider"/>
    /// and logging.
    /// Registers the "email" health check and the <c>PaperBot.Email</c> meter.
    /// </summary>
    public static IServiceCollection AddPaperBotEmail(this IServiceCollection services, EmailOptions options)
    {
        services.TryAddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        var transport = !options.Enabled ? "off" : options.UsesSmtp ? "smtp" : "pickup";
        services.AddSingleton(new EmailHealth(transport));
        services.AddSingleton<EmailMetrics>();
        services.AddHealthChecks().AddCheck<EmailHealthCheck>("email");
        if (!options.Enabled)
        {
            services.AddSingleton<IConfirmationMailer, EmailOffConfirmationMailer>();
            return services;
        }

        services.AddSingleton<EmailTemplates>();
        services.AddSingleton<MessageEnvelope>();
        services.AddSingleton<PaperContentCache>();
        services.AddSingleton<DigestMessageBuilder>();
        services.AddSingleton<ConfirmationMessageBuilder>();
        services.AddSingleton<DkimSigning>();
        if (options.UsesSmtp)
        {
            services.AddSingleton<SmtpTransport>();
            services.AddSingleton<IMailTransport>(sp => sp.GetRequiredService<SmtpTransport>());
        }
        else
        {
            services.AddSingleton(new PickupDirectoryWriter(options.PickupDirectory));
            services.AddSingleton<IMailTransport, PickupTransport>();
        }
        services.AddSingleton<MailSender>();
        services.TryAddSingleton<DigestNotices>();
        services.AddSingleton<IDeliveryChannel, EmailChannel>();
        services.AddSingleton<IConfirmationMailer, ConfirmationMailer>();
        return services;
    }
}
