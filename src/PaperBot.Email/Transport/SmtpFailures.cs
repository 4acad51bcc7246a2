using System.Globalization;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using PaperBot.Core.Delivery;
using PaperBot.Email.Messages;

namespace PaperBot.Email.Transport;

/// <summary>
/// SMTP failures as delivery outcomes (RFC 5321 §4.2.1): a 4yz reply or a lost connection is transient; a 5yz
/// rejection of the recipient or the message is permanent and the address is suppressed. Problems of our own
/// set-up (the sender refused, the login refused, TLS) are transient: the operator fixes them and nothing is lost,
/// and no subscriber is blamed.
/// </summary>
internal static class SmtpFailures
{
    public static readonly TimeSpan AfterTemporaryReply = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan AfterConnectionLoss = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan AfterSetupProblem = TimeSpan.FromMinutes(30);

    /// <summary>Null when the exception is not an SMTP or connection failure (a bug: let it surface).</summary>
    /// <param name="afterTemporaryReply">The least wait after a 4xx reply (<c>Email:Smtp:RetryAfterDeferral</c>).</param>
    /// <param name="afterConnectionLoss">The least wait after a lost connection (<c>Email:Smtp:RetryAfterConnectionLoss</c>).</param>
    public static SendOutcome? Map(Exception e, TimeSpan afterTemporaryReply, TimeSpan afterConnectionLoss) => e switch
    {
        SmtpCommandException c when (int)c.StatusCode is >= 500 and < 600 && c.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted =>
            new SendOutcome(new DeliveryResult.Permanent(Reply("the recipient's server refused", c)), RejectsAddress: true),
        SmtpCommandException c when (int)c.StatusCode is >= 400 and < 500 =>
            new SendOutcome(new DeliveryResult.Transient(Reply("the SMTP server deferred", c), afterTemporaryReply)),
        SmtpCommandException { ErrorCode: SmtpErrorCode.SenderNotAccepted } c =>
            new SendOutcome(new DeliveryResult.Transient(Reply("the SMTP server refused the sender (check Email:From)", c), AfterSetupProblem)),
        SmtpCommandException c =>
            new SendOutcome(new DeliveryResult.Transient(Reply("the SMTP server refused", c), AfterSetupProblem)),
        AuthenticationException =>
            new SendOutcome(new DeliveryResult.Transient("the SMTP server refused the login (check Email:Smtp:Username and Password)", AfterSetupProblem)),
        SslHandshakeException or NotSupportedException =>
            new SendOutcome(new DeliveryResult.Transient($"no secure SMTP session (check Email:Smtp:Security): {PaperText.OneLine(e.Message)}", AfterSetupProblem)),
        SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException or TimeoutException =>
            new SendOutcome(new DeliveryResult.Transient($"connection to the SMTP server lost: {PaperText.OneLine(e.Message)}", afterConnectionLoss)),
        _ => null,
    };

    private static string Reply(string what, SmtpCommandException c) =>
        string.Create(CultureInfo.InvariantCulture, $"{what}: {(int)c.StatusCode} {PaperText.Shorten(PaperText.OneLine(c.Message), 200)}");
}
