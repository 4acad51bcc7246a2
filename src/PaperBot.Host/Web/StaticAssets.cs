using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace PaperBot.Host.Web;

/// <summary><c>GET /static/{name}</c>: the pages' script, stylesheet and icon, embedded in the assembly (the image copies
/// only the build output), with an ETag so browsers revalidate cheaply.</summary>
public static class StaticAssets
{
    private sealed record Asset(byte[] Content, string ContentType, string ETag);

    private static readonly Dictionary<string, Asset> Assets = new(StringComparer.Ordinal)
    {
        ["paperbot.js"] = Load("paperbot.js", "text/javascript; charset=utf-8"),
        ["paperbot.css"] = Load("paperbot.css", "text/css; charset=utf-8"),
        ["paperbot.svg"] = Load("paperbot.svg", "image/svg+xml"),
    };

    public static void MapStaticAssets(this WebApplication app) => app.MapGet("/static/{name}", (string name, HttpContext http) =>
    {
        if (!Assets.TryGetValue(name, out var asset)) return Results.NotFound();
        http.Response.Headers.ETag = asset.ETag;
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return http.Request.Headers.IfNoneMatch == asset.ETag ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Bytes(asset.Content, asset.ContentType);
    });

    private static Asset Load(string name, string contentType)
    {
        using var stream = typeof(StaticAssets).Assembly.GetManifestResourceStream("PaperBot.Host.Web.Static." + name)
            ?? throw new InvalidOperationException($"embedded asset {name} is missing");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var content = buffer.ToArray();
        return new Asset(content, contentType, $"\"{Convert.ToHexString(SHA256.HashData(content))[..16]}\"");
    }
}
