namespace PaperBot.Testing.Smtp;

/// <summary>How the test server answers a scripted recipient.</summary>
public enum SmtpAnswer
{
    /// <summary>450 4.2.0 at RCPT: try again later.</summary>
    Defer,

    /// <summary>550 5.1.1 at RCPT: no such mailbox.</summary>
    Reject,

    /// <summary>554 5.6.0 after the message data: the message itself is refused.</summary>
    RejectMessage,

    /// <summary>After the message data, the connection is closed with no reply at all.</summary>
    Drop,
}

/// <summary>One message the server accepted (250 after the data).</summary>
public sealed record ReceivedMessage(string SessionId, string From, IReadOnlyList<string> To, byte[] Raw)
{
    public MimeKit.MimeMessage Parse() => MimeKit.MimeMessage.Load(new MemoryStream(Raw));
}
