namespace PaperBot.Core.Incidents;

/// <summary>When a problem is worth telling the people it affects (<c>Operations:*</c>).</summary>
public sealed class OperationsOptions : IValidatedOptions
{
    public static string Section => "Operations";

    /// <summary>How long a source may fail before its incident opens: one failed poll usually recovers by itself.</summary>
    public TimeSpan SourceAlertAfter { get; set; } = TimeSpan.FromHours(6);

    public IEnumerable<ConfigurationError> Validate()
    {
        if (SourceAlertAfter < TimeSpan.FromMinutes(1) || SourceAlertAfter > TimeSpan.FromDays(30))
            yield return new("Operations:SourceAlertAfter", $"{SourceAlertAfter} is out of range (00:01:00 to 30.00:00:00)");
    }
}
