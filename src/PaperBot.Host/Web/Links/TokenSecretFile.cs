using System.Security.Cryptography;
using System.Text;
using PaperBot.Host.Configuration;

namespace PaperBot.Host.Web.Links;

/// <summary>
/// The secret that signs subscriber links: <c>Web:TokenSecret</c>, or else one generated with a CSPRNG on first use and
/// kept in the data folder (owner-only), so links in mail keep working across restarts. Never logged.
/// </summary>
public static class TokenSecretFile
{
    public const string FileName = "token-secret";

    public static byte[] Load(WebOptions web, string dataFolder)
    {
        if (web.TokenSecret.Length > 0) return Encoding.UTF8.GetBytes(web.TokenSecret);
        var path = Path.Combine(dataFolder, FileName);
        if (!File.Exists(path)) Create(path);
        var saved = File.ReadAllText(path).Trim();
        return Encoding.UTF8.GetByteCount(saved) >= Core.Tokens.SignedTokens.MinSecretBytes
            ? Encoding.UTF8.GetBytes(saved)
            : throw new InvalidOperationException($"{path} holds no usable token secret: delete it to generate a new one (every link already sent stops working) or set Web:TokenSecret");
    }

    private static void Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temp, options))
        {
            stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
            stream.Flush(flushToDisk: true);
        }
        try
        {
            // Another process (a CLI verb beside the service) may have won the race: then its secret stands.
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
        }
    }
}
