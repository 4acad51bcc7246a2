using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace PaperBot.Host.Web.Pages;

/// <summary>The hidden antiforgery field a form carries.</summary>
public sealed record CsrfField(string Name, string Value);

/// <summary>CSRF protection for the pages' forms (ASP.NET Core antiforgery: a cookie plus a hidden field).</summary>
public sealed class FormGuard(IAntiforgery antiforgery)
{
    public CsrfField Field(HttpContext http)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return new CsrfField(tokens.FormFieldName, tokens.RequestToken!);
    }

    /// <summary>A readable form with a valid token. An unreadable one is refused here like a forged one (400), not
    /// thrown to the server (500): antiforgery reads the form and throws when it cannot.</summary>
    public async Task<bool> IsValidAsync(HttpContext http) =>
        await ReadFormAsync(http, http.RequestAborted) is not null && await antiforgery.IsRequestValidAsync(http);

    /// <summary>The posted form, or null when there is none or it cannot be read: a multipart body without its
    /// boundary or cut short, a key over 2 KB, a value over 4 MB, more than 1,024 fields (found by the end-to-end
    /// fuzzing, each a 500). Read once; later reads get the same collection.</summary>
    public static async Task<IFormCollection?> ReadFormAsync(HttpContext http, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType) return null;
        try
        {
            return await http.Request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return null;
        }
    }
}
