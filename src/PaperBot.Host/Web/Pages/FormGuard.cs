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

    public Task<bool> IsValidAsync(HttpContext http) => antiforgery.IsRequestValidAsync(http);
}
