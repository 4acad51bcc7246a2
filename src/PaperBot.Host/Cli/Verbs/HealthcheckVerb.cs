using System.CommandLine;
using System.Text.Json;

namespace PaperBot.Host.Cli.Verbs;

/// <summary><c>paperbot healthcheck</c>: asks the running service's /healthz; exit 0 when it answers healthy, degraded or starting.</summary>
public static class HealthcheckVerb
{
    public static Command Create(CliContext ctx)
    {
        var url = new Option<string?>("--url") { Description = "The service's base URL (default: the first Web:Urls entry, on loopback)." };
        var command = new Command("healthcheck", "Exit 0 when the running service reports healthy (for the container HEALTHCHECK).") { url };
        command.SetAction(async (parse, ct) =>
        {
            var baseUrl = parse.GetValue(url) ?? LocalUrl(ctx.Settings.Web.Urls);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                using var response = await http.GetAsync(new Uri(new Uri(baseUrl), "/healthz"), ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                ctx.Out.WriteLine(body);
                return Passes(body) ? CliApp.Ok : CliApp.Failed;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException)
            {
                ctx.Err.WriteLine($"error: {baseUrl}/healthz did not answer: {e.Message}");
                return CliApp.Failed;
            }
        });
        return command;
    }

    /// <summary>The container stays up while the service works (healthy), works with a stale source (degraded) or is
    /// still catching up after start (starting); anything else, including a body that is not our JSON, fails.</summary>
    internal static bool Passes(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("status", out var status)
                && status.ValueKind == JsonValueKind.String
                && status.GetString() is "healthy" or "degraded" or "starting";
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>A listen URL such as http://0.0.0.0:8080 or http://+:8080 becomes one we can call: http://127.0.0.1:8080.</summary>
    internal static string LocalUrl(string urls)
    {
        var first = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
        foreach (var wildcard in new[] { "0.0.0.0", "*", "+", "[::]", "localhost" })
            first = first.Replace("://" + wildcard, "://127.0.0.1", StringComparison.Ordinal);
        return first;
    }
}
