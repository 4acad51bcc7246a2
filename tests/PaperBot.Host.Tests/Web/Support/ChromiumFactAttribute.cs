namespace PaperBot.Host.Tests.Web.Support;

/// <summary>A test that drives Debian's Chromium. Skipped, saying why, only when the browser is not installed
/// (<c>.ci/run</c> installs it).</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ExecutablePath))
            Skip = $"Chromium is not installed at {ExecutablePath} (apt-get install -y chromium): the real-browser test cannot run";
    }
}
