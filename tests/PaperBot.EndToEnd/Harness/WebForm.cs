using System.Net;
using System.Text.RegularExpressions;

namespace PaperBot.EndToEnd.Harness;

/// <summary>A browser without JavaScript on the subscribe page: GET / for the antiforgery cookie and field, then
/// POST /subscribe with the form.</summary>
public sealed partial class WebForm : IDisposable
{
    private readonly HttpClient _http;

    public WebForm(Uri baseUri) =>
        _http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseUri };

    public HttpClient Client => _http;

    public async Task<(HttpStatusCode Status, string Html)> SubscribeAsync(string email, string query, string mode, string time, string timeZone, string day = "Monday")
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["csrf"] = await CsrfAsync(),
            ["email"] = email,
            ["query"] = query,
            ["mode"] = mode,
            ["time"] = time,
            ["day"] = day,
            ["timezone"] = timeZone,
        });
        using var response = await _http.PostAsync(new Uri("/subscribe", UriKind.Relative), form);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Opens the subscribe page (which sets the antiforgery cookie) and returns its form's field.</summary>
    public async Task<string> CsrfAsync()
    {
        var page = await _http.GetStringAsync(new Uri("/", UriKind.Relative));
        var csrf = CsrfField().Match(page);
        if (!csrf.Success) throw new InvalidOperationException("no csrf field on the subscribe page");
        return WebUtility.HtmlDecode(csrf.Groups[1].Value);
    }

    [GeneratedRegex("name=\"csrf\" value=\"([^\"]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex CsrfField();

    public void Dispose() => _http.Dispose();
}
