using System.Globalization;
using System.Text;
using NSec.Cryptography;

namespace PaperBot.Discord.Tests.Support;

/// <summary>Signs requests as Discord does, with the RFC 8032 test-1 key (discord.md).</summary>
public static class Signer
{
    public const string SeedHex = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    public const string PublicKeyHex = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

    private static readonly Key Key = Key.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(SeedHex), KeyBlobFormat.RawPrivateKey);

    public static string Sign(string timestamp, string body, Key? key = null) =>
        Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(key ?? Key, Encoding.UTF8.GetBytes(timestamp + body)));

    /// <summary>Signs raw bytes, which need not be valid UTF-8 (a hostile body under a real signature).</summary>
    public static string Sign(string timestamp, byte[] body) =>
        Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(Key, [.. Encoding.UTF8.GetBytes(timestamp), .. body]));

    public static string Timestamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
