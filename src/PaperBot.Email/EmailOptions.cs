using MimeKit;
using PaperBot.Core;
using PaperBot.Email.Signing;
using PaperBot.Email.Templates;

namespace PaperBot.Email;

public enum SmtpSecurity { Auto, None, StartTls, SslOnConnect }

/// <summary><c>Email:*</c>. With no <c>From</c> email is off; with no SMTP host, mail goes to the pickup folder as .eml files.</summary>
public sealed class EmailOptions : IValidatedOptions
{
    public static string Section => "Email";

    public string From { get; set; } = "";
    public SmtpSettings Smtp { get; set; } = new();
    public string PickupDirectory { get; set; } = "data/outbox";
    public string PublicBaseUrl { get; set; } = "http://localhost:8080";
    public DkimSettings Dkim { get; set; } = new();

    /// <summary>A folder whose <c>*.liquid</c> files replace the embedded templates of the same name; empty: the embedded ones.</summary>
    public string TemplatesDirectory { get; set; } = "";

    public bool Enabled => !string.IsNullOrWhiteSpace(From);

    /// <summary>The same settings writing to the pickup folder only, never to a server (the offline demo), and
    /// mailing from <paramref name="fallbackFrom"/> when <see cref="From"/> is empty.</summary>
    public EmailOptions PickupOnly(string fallbackFrom)
    {
        var copy = (EmailOptions)MemberwiseClone();
        copy.Smtp = new SmtpSettings();
        if (!Enabled) copy.From = fallbackFrom;
        return copy;
    }

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);

    public bool SignsWithDkim => !string.IsNullOrWhiteSpace(Dkim.PrivateKeyPath);

    /// <summary>The parsed <see cref="From"/>; only valid when <see cref="Enabled"/>.</summary>
    public MailboxAddress FromMailbox => MailboxAddress.Parse(From);

    public IEnumerable<ConfigurationError> Validate()
    {
        if (Enabled && (!MailboxAddress.TryParse(From, out var from) || !from.Address.Contains('@', StringComparison.Ordinal) || from.Domain.Length == 0))
            yield return new("Email:From", $"'{From}' is not an email address with a domain (e.g. PaperBot <papers@example.org>)");
        if (Smtp.Port is < 1 or > 65535)
            yield return new("Email:Smtp:Port", $"{Smtp.Port} is not a TCP port (1 to 65535)");
        if (!string.IsNullOrEmpty(Smtp.Username) && string.IsNullOrEmpty(Smtp.Password))
            yield return new("Email:Smtp:Password", "is empty while Email:Smtp:Username is set");
        if (Smtp.PoolSize is < 1 or > 16)
            yield return new("Email:Smtp:PoolSize", $"{Smtp.PoolSize} is out of range (1 to 16 connections)");
        if (Smtp.Timeout < TimeSpan.FromSeconds(1) || Smtp.Timeout > TimeSpan.FromMinutes(10))
            yield return new("Email:Smtp:Timeout", $"{Smtp.Timeout} is out of range (00:00:01 to 00:10:00)");
        if (Smtp.RetryAfterDeferral < TimeSpan.FromSeconds(1) || Smtp.RetryAfterDeferral > TimeSpan.FromHours(1))
            yield return new("Email:Smtp:RetryAfterDeferral", $"{Smtp.RetryAfterDeferral} is out of range (00:00:01 to 01:00:00)");
        if (Smtp.RetryAfterConnectionLoss < TimeSpan.FromSeconds(1) || Smtp.RetryAfterConnectionLoss > TimeSpan.FromHours(1))
            yield return new("Email:Smtp:RetryAfterConnectionLoss", $"{Smtp.RetryAfterConnectionLoss} is out of range (00:00:01 to 01:00:00)");
        if (!UsesSmtp && string.IsNullOrWhiteSpace(PickupDirectory))
            yield return new("Email:PickupDirectory", "must be set when Email:Smtp:Host is empty");
        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            yield return new("Email:PublicBaseUrl", $"'{PublicBaseUrl}' is not an http(s) URL");
        var dkimParts = new[] { Dkim.Domain, Dkim.Selector, Dkim.PrivateKeyPath }.Count(v => !string.IsNullOrWhiteSpace(v));
        if (dkimParts is > 0 and < 3)
            yield return new("Email:Dkim", "set all of Domain, Selector and PrivateKeyPath, or none");
        else if (dkimParts == 3 && DkimSigning.Problem(Dkim) is { } dkimProblem)
            yield return new("Email:Dkim:PrivateKeyPath", dkimProblem);
        if (!string.IsNullOrWhiteSpace(TemplatesDirectory))
            foreach (var problem in EmailTemplates.Problems(TemplatesDirectory))
                yield return new("Email:TemplatesDirectory", problem);
    }
}

public sealed class SmtpSettings
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;
    public string Username { get; set; } = "";
    public string Password { get; set; } = "";

    /// <summary>Connections kept open and reused; each one authenticates once.</summary>
    public int PoolSize { get; set; } = 2;

    /// <summary>For the TCP connect and for each SMTP read or write.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The least wait before a digest deferred by a 4xx reply is tried again.</summary>
    public TimeSpan RetryAfterDeferral { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The least wait before a digest cut off by a lost connection is tried again.</summary>
    public TimeSpan RetryAfterConnectionLoss { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Tests only (not configuration): trusts the test server's own certificate; null keeps the system's checks.</summary>
    internal System.Net.Security.RemoteCertificateValidationCallback? CertificateValidation { get; set; }
}

public sealed class DkimSettings
{
    public string Domain { get; set; } = "";
    public string Selector { get; set; } = "";
    public string PrivateKeyPath { get; set; } = "";
}
