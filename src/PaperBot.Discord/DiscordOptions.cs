using PaperBot.Core;

namespace PaperBot.Discord;

public enum DiscordTransport { Gateway, Http }

/// <summary><c>Discord:*</c>. An empty token turns Discord off.</summary>
public sealed class DiscordOptions : IValidatedOptions
{
    public static string Section => "Discord";

    public string Token { get; set; } = "";
    public string ApplicationId { get; set; } = "";
    public string PublicKey { get; set; } = "";
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";
    public DiscordTransport Transport { get; set; } = DiscordTransport.Gateway;
    public string GuildId { get; set; } = "";

    public bool Enabled => !string.IsNullOrWhiteSpace(Token);

    public IEnumerable<ConfigurationError> Validate()
    {
        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            yield return new("Discord:ApiBaseUrl", $"'{ApiBaseUrl}' is not an http(s) URL");
        if (!Enabled) yield break;
        if (!IsSnowflake(ApplicationId))
            yield return new("Discord:ApplicationId", "must be the application's numeric id when Discord:Token is set");
        if (GuildId.Length > 0 && !IsSnowflake(GuildId))
            yield return new("Discord:GuildId", $"'{GuildId}' is not a numeric Discord id");
        if (Transport == DiscordTransport.Http && (PublicKey.Length != 64 || !PublicKey.All(char.IsAsciiHexDigit)))
            yield return new("Discord:PublicKey", "must be the application's 64-hex-digit public key when Discord:Transport is Http");
    }

    public static bool IsSnowflake(string s) => s.Length is > 0 and <= 20 && s.All(char.IsAsciiDigit);
}
