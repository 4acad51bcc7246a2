using System.Security.Cryptography;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Security;

namespace PaperBot.Email.Tests.Support;

/// <summary>A DKIM key pair made for one test: the private key as a PEM file, the public key served to the verifier
/// as DNS would (no network).</summary>
public sealed class TestDkimKey : IDkimPublicKeyLocator, IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public TestDkimKey(string folder)
    {
        PrivateKeyPath = Path.Combine(folder, "dkim.pem");
        File.WriteAllText(PrivateKeyPath, PemEncoding.WriteString("RSA PRIVATE KEY", _rsa.ExportRSAPrivateKey()));
    }

    public string PrivateKeyPath { get; }

    public List<(string Domain, string Selector)> Lookups { get; } = [];

    public AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default)
    {
        Lookups.Add((domain, selector));
        return PublicKeyFactory.CreateKey(_rsa.ExportSubjectPublicKeyInfo());
    }

    public Task<AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
        Task.FromResult(LocatePublicKey(methods, domain, selector, cancellationToken));

    public void Dispose() => _rsa.Dispose();
}
