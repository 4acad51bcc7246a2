using System.Reflection;
using System.Text.Encodings.Web;
using Fluid;
using PaperBot.Email.Messages;

namespace PaperBot.Email.Templates;

/// <summary>
/// The Liquid templates of every message (Fluid), parsed once at start. The defaults are embedded in the assembly
/// (from <c>config/templates/email</c>); a file of the same name in <c>Email:TemplatesDirectory</c> replaces one.
/// HTML templates render with an HTML encoder, so every value is encoded unless a template asks for a pre-encoded
/// <c>*Html</c> value with <c>| raw</c>.
/// </summary>
public sealed class EmailTemplates
{
    public const string DigestHtml = "digest.html.liquid";
    public const string DigestText = "digest.txt.liquid";
    public const string DigestPaperHtml = "digest-paper.html.liquid";
    public const string DigestPaperText = "digest-paper.txt.liquid";
    public const string ConfirmationHtml = "confirmation.html.liquid";
    public const string ConfirmationText = "confirmation.txt.liquid";

    private static readonly string[] Names = [DigestHtml, DigestText, DigestPaperHtml, DigestPaperText, ConfirmationHtml, ConfirmationText];
    private static readonly FluidParser Parser = new();

    private readonly TemplateOptions _options = new();
    private readonly Dictionary<string, IFluidTemplate> _templates;

    public EmailTemplates(EmailOptions options)
    {
        _options.MemberAccessStrategy.IgnoreCasing = true;
        foreach (var type in new[] { typeof(DigestView), typeof(PaperView), typeof(LinkView), typeof(ConfirmationView) })
            _options.MemberAccessStrategy.Register(type);
        _templates = Names.ToDictionary(n => n, n =>
        {
            var (source, origin) = Source(options.TemplatesDirectory, n);
            return Parser.TryParse(source, out var template, out var error)
                ? template
                : throw new InvalidOperationException($"the email template {origin} does not parse: {error}");
        });
    }

    public string Render(string name, object model) => _templates[name].Render(new TemplateContext(model, _options), Encoder(name));

    /// <summary>Renders a paper template, which sees the paper as <c>p</c> (as inside a digest template's loop).</summary>
    public string RenderPaper(string name, PaperView paper)
    {
        var context = new TemplateContext(_options);
        context.SetValue("p", paper);
        return _templates[name].Render(context, Encoder(name));
    }

    /// <summary>What <paramref name="raw"/> looks like in the output of the template <paramref name="name"/>.</summary>
    public static string Printed(string name, string raw) => Encoder(name).Encode(raw);

    private static TextEncoder Encoder(string name) =>
        name.Contains(".html.", StringComparison.Ordinal) ? DigestViewFactory.Encoder : NullEncoder.Default;

    /// <summary>What is wrong with an override folder: missing, or a template in it that does not parse.</summary>
    public static IEnumerable<string> Problems(string directory)
    {
        if (!Directory.Exists(directory))
        {
            yield return $"the folder '{directory}' does not exist";
            yield break;
        }
        foreach (var name in Names)
        {
            var path = Path.Combine(directory, name);
            if (File.Exists(path) && !Parser.TryParse(File.ReadAllText(path), out _, out var error))
                yield return $"{path} does not parse: {error}";
        }
    }

    private static (string Source, string Origin) Source(string directory, string name)
    {
        if (!string.IsNullOrWhiteSpace(directory) && File.Exists(Path.Combine(directory, name)))
            return (File.ReadAllText(Path.Combine(directory, name)), Path.Combine(directory, name));
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("PaperBot.Email.Templates." + name)
            ?? throw new InvalidOperationException($"the embedded email template {name} is missing from the build");
        using var reader = new StreamReader(stream);
        return (reader.ReadToEnd(), "(embedded) " + name);
    }
}
