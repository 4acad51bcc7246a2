using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace PaperBot.Host.Composition;

/// <summary>
/// The service's logs: the console, one line per event by default, one JSON object per line with
/// <c>Logging:Console:FormatterName=json</c>. Levels and formatter options come from the <c>Logging</c> section,
/// so an operator changes them without a rebuild. Message templates carry the stable keys (Source, Target, …),
/// which the JSON formatter writes as properties.
/// </summary>
public static class ServiceLogging
{
    public static ILoggingBuilder AddServiceConsole(this ILoggingBuilder logging, IConfiguration configuration)
    {
        logging.ClearProviders();
        logging.AddConfiguration(configuration.GetSection("Logging"));
        logging.AddConsole();
        // Bound explicitly: the web builder's own logging configuration does not see PAPERBOT_Logging__Console__*.
        logging.Services.Configure<ConsoleLoggerOptions>(configuration.GetSection("Logging:Console"));
        logging.Services.Configure<SimpleConsoleFormatterOptions>(o => o.SingleLine = true);
        logging.Services.Configure<JsonConsoleFormatterOptions>(o =>
        {
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        // The section's own formatter options (Logging:Console:FormatterOptions) win over the defaults above.
        logging.Services.Configure<SimpleConsoleFormatterOptions>(configuration.GetSection("Logging:Console:FormatterOptions"));
        logging.Services.Configure<JsonConsoleFormatterOptions>(configuration.GetSection("Logging:Console:FormatterOptions"));
        return logging;
    }
}
