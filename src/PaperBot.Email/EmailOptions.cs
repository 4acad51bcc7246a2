using MimeKit;
using PaperBot.Core;

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

    public bool Enabled => !string.IsNullOrWhiteSpace(From);

    public IEnumerable<ConfigurationError> Validate()
    {
        if (Enabled && !MailboxAddress.TryParse(From, out _))
            yield return new("Email:From", $"'{From}' is not an email address");
        if (Smtp.Port is < 1 or > 65535)
            yield return new("Email:Smtp:Port", $"{Smtp.Port} is not a TCP port (1 to 65535)");
        if (!string.IsNullOrEmpty(Smtp.Username) && string.IsNullOrEmpty(Smtp.Password))
            yield return new("Email:Smtp:Password", "is empty while Email:Smtp:Username is set");
        if (string.IsNullOrWhiteSpace(Smtp.Host) && string.IsNullOrWhiteSpace(PickupDirectory))
            yield return new("Email:PickupDirectory", "must be set when Email:Smtp:Host is empty");
        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            yield return new("Email:PublicBaseUrl", $"'{PublicBaseUrl}' is not an http(s) URL");
        var dkimParts = new[] { Dkim.Domain, Dkim.Selector, Dkim.PrivateKeyPath }.Count(v => !string.IsNullOrWhiteSpace(v));
        if (dkimParts is > 0 and < 3)
            yield return new("Email:Dkim", "set all of Domain, Selector and PrivateKeyPath, or none");
    }
}

public sealed class SmtpSettings
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;
    public string Username { get; set; } = "";
    public string Password { get; set; } = "";
}

public sealed class DkimSettings
{
    public string Domain { get; set; } = "";
    public string Selector { get; set; } = "";
    public string PrivateKeyPath { get; set; } = "";
}
