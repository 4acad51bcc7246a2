using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;

namespace PaperBot.Host.Web.Pages;

/// <summary>
/// Renders the embedded Liquid templates (<c>Web/Templates</c>) with Fluid. Every <c>{{ value }}</c> is HTML-encoded
/// (text and attribute values alike); URLs reach templates only after <see cref="SafeUrl"/>. A page is its template
/// rendered inside <c>layout.liquid</c>.
/// </summary>
public sealed class PageRenderer
{
    private static readonly FluidParser Parser = new();
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly TemplateOptions _options;
    private readonly Dictionary<string, IFluidTemplate> _templates = [];

    public PageRenderer()
    {
        var files = new EmbeddedFileProvider(typeof(PageRenderer).Assembly, "PaperBot.Host.Web.Templates");
        // Templates are ours and embedded, never user-supplied, so their models need no allow-list.
        _options = new TemplateOptions { FileProvider = files, MemberAccessStrategy = new UnsafeMemberAccessStrategy() };
        foreach (var file in files.GetDirectoryContents("").Where(f => f.Name.EndsWith(".liquid", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(file.CreateReadStream(), Encoding.UTF8);
            var source = reader.ReadToEnd();
            _templates[Path.GetFileNameWithoutExtension(file.Name)] = Parser.TryParse(source, out var template, out var error)
                ? template
                : throw new InvalidOperationException($"template {file.Name}: {error}");
        }
    }

    public async Task<string> RenderAsync(string name, object model)
    {
        var context = new TemplateContext(model, _options);
        return await _templates[name].RenderAsync(context, Encoder);
    }

    /// <summary>The page <paramref name="name"/> inside the layout, as an HTML response.</summary>
    public async Task<IResult> PageAsync(string name, string title, object model, int status = StatusCodes.Status200OK)
    {
        var body = await RenderAsync(name, model);
        var html = await RenderAsync("layout", new { Title = title, Body = body });
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>A page that only says something (a refused link, a throttled form).</summary>
    public Task<IResult> MessageAsync(string title, string text, int status) => PageAsync("message", title, new { Heading = title, Text = text }, status);

    /// <summary>The link when it is an absolute http(s) URL; null for anything else (<c>javascript:</c>, <c>data:</c>, relative).</summary>
    public static string? SafeUrl(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsoluteUri : null;
}
