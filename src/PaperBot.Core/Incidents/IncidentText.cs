using System.Globalization;
using PaperBot.Core.Ingestion;

namespace PaperBot.Core.Incidents;

/// <summary>What an owner is told, as plain text: each adapter encodes it for its medium. A source's error text never
/// appears here (it holds URLs, and a private feed's may hold a token), only its kind.</summary>
public static class IncidentText
{
    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>"The source X has been failing since …; papers from other sources keep coming …".</summary>
    public static string SourceFailing(Incident i) =>
        $"The source {i.Subject} has been failing since {When(i.Since)} ({SourceErrors.Describe(i.Detail)}). " +
        $"Papers from the other sources keep coming, and alerts from {i.Subject} resume when it recovers.";

    /// <summary>"Alerts for {what} are paused ({reason}). Nothing is lost …".</summary>
    public static string Paused(Incident i, string what) => $"Alerts for {what} are paused ({i.Detail}). " + PausedConsequence;

    public const string PausedConsequence = "Nothing is lost: they wait, and go out once the problem is fixed and the subscriptions are resumed.";
}
