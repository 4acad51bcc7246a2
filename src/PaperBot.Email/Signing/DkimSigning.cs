using MimeKit;
using MimeKit.Cryptography;

namespace PaperBot.Email.Signing;

/// <summary>
/// Optional DKIM signing (<c>Email:Dkim:*</c>, RSA-SHA256, relaxed/relaxed). Both unsubscribe headers are in the
/// signature: RFC 8058 receivers offer one-click unsubscribe only when they are.
/// </summary>
public sealed class DkimSigning
{
    public static readonly string[] SignedHeaders =
        ["From", "To", "Subject", "Date", "Message-ID", "List-Id", "List-Unsubscribe", "List-Unsubscribe-Post", "MIME-Version", "Content-Type"];

    private readonly DkimSigner? _signer;

    public DkimSigning(EmailOptions options)
    {
        if (options.SignsWithDkim) _signer = Create(options.Dkim);
    }

    public bool Enabled => _signer is not null;

    /// <summary>Signs the message as it will be sent; it must already be prepared for 7-bit transport.</summary>
    public void Sign(MimeMessage message) => _signer?.Sign(message, SignedHeaders);

    /// <summary>Why the configured key cannot sign, or null when it can.</summary>
    public static string? Problem(DkimSettings settings)
    {
        if (!File.Exists(settings.PrivateKeyPath)) return $"the file '{settings.PrivateKeyPath}' does not exist";
        try
        {
            Create(settings);
            return null;
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"'{settings.PrivateKeyPath}' is not a PEM private key MimeKit can sign with ({e.Message})";
        }
    }

    private static DkimSigner Create(DkimSettings s) => new(s.PrivateKeyPath, s.Domain.Trim(), s.Selector.Trim(), DkimSignatureAlgorithm.RsaSha256)
    {
        HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
        BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
    };
}
