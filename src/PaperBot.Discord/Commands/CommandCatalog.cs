using PaperBot.Core.Queries;
using PaperBot.Discord.Rest.Models;

namespace PaperBot.Discord.Commands;

/// <summary>
/// Every slash command of interface.md §4 as PaperBot registers it: names, options, descriptions. The one source for
/// registration (which PUTs it only when its hash changed) and for the handlers (which read the option names here).
/// </summary>
public static class CommandCatalog
{
    public const string Subscribe = "subscribe";
    public const string Unsubscribe = "unsubscribe";
    public const string Subscriptions = "subscriptions";
    public const string Search = "search";
    public const string Latest = "latest";
    public const string Trending = "trending";
    public const string Paper = "paper";
    public const string Digest = "digest";
    public const string Status = "status";
    public const string Help = "help";

    /// <summary>Option names, shared by the definitions below and the handlers.</summary>
    public static class Options
    {
        public const string Query = "query";
        public const string Delivery = "delivery";
        public const string Where = "where";
        public const string At = "at";
        public const string Day = "day";
        public const string TimeZone = "timezone";
        public const string Subscription = "subscription";
        public const string Limit = "limit";
        public const string Sort = "sort";
        public const string Source = "source";
        public const string Count = "count";
        public const string Days = "days";
        public const string Id = "id";
    }

    /// <summary>Papers per answer: one embed each, and a message holds at most 10.</summary>
    public const int MaxPapersPerAnswer = 10;

    public static IReadOnlyList<ApplicationCommand> All { get; } =
    [
        Command(Subscribe, "Get new papers matching a query, here or by DM",
            Text(Options.Query, "Keywords, \"phrases\", prefix*, -exclude, OR, title:/author:/category: (see /help)", required: true, maxLength: QueryLimits.MaxLength),
            Choice(Options.Delivery, "When to deliver (default: instant)", ("instant: each new paper as it arrives", "instant"),
                ("daily: one digest a day", "daily"), ("weekly: one digest a week", "weekly")),
            Choice(Options.Where, "Where to deliver (default: dm; here needs Manage Channels)", ("here: this channel", "here"), ("dm: a direct message to you", "dm")),
            Text(Options.At, "Digest time of day, HH:MM (default 08:00)", minLength: 4, maxLength: 5),
            Choice(Options.Day, "Weekly digest day (default Monday)",
                ("Monday", "monday"), ("Tuesday", "tuesday"), ("Wednesday", "wednesday"), ("Thursday", "thursday"),
                ("Friday", "friday"), ("Saturday", "saturday"), ("Sunday", "sunday")),
            Text(Options.TimeZone, "IANA time zone of the digest time, e.g. Europe/Berlin (default UTC)", maxLength: 64, autocomplete: true)),
        Command(Unsubscribe, "Remove one of your subscriptions (or this channel's, with Manage Channels)",
            Text(Options.Subscription, "The subscription to remove", required: true, maxLength: 100, autocomplete: true)),
        Command(Subscriptions, "List your subscriptions and this channel's"),
        Command(Search, "Search the stored papers",
            Text(Options.Query, "Keywords, \"phrases\", prefix*, -exclude, OR, title:/author:/category: (see /help)", required: true, maxLength: QueryLimits.MaxLength),
            Integer(Options.Limit, $"Papers per page (1–{MaxPapersPerAnswer}, default 5)", 1, MaxPapersPerAnswer),
            Choice(Options.Sort, "Order (default: relevance)", ("relevance", "relevance"), ("newest first", "newest"), ("most upvoted", "mostupvoted"))),
        Command(Latest, "The newest papers",
            Text(Options.Source, "Only from this source (huggingface, arxiv, arxiv-rss or a feed's name)", maxLength: 100, autocomplete: true),
            Integer(Options.Count, $"How many (1–{MaxPapersPerAnswer}, default 5)", 1, MaxPapersPerAnswer)),
        Command(Trending, "The most upvoted recent papers",
            Integer(Options.Count, $"How many (1–{MaxPapersPerAnswer}, default 5)", 1, MaxPapersPerAnswer),
            Integer(Options.Days, "Over the last N days (1–30, default 7)", 1, 30)),
        Command(Paper, "One paper in full",
            Text(Options.Id, "An arXiv id or link, e.g. 2503.01234", required: true, maxLength: 200)),
        Command(Digest, "Preview what your subscriptions matched since your last delivery"),
        Command(Status, "Sources' health, the last ingest, and your subscriptions' delivery state"),
        Command(Help, "The query language, with examples"),
    ];

    private static ApplicationCommand Command(string name, string description, params CommandOption[] options) => new()
    {
        Name = name,
        Description = description,
        Options = options.Length > 0 ? options : null,
        Contexts = [InteractionContexts.Guild, InteractionContexts.BotDm],
        IntegrationTypes = [0],
    };

    private static CommandOption Text(string name, string description, bool required = false, int? minLength = null, int? maxLength = null, bool autocomplete = false) => new()
    {
        Type = CommandOptionTypes.String,
        Name = name,
        Description = description,
        Required = required ? true : null,
        MinLength = minLength,
        MaxLength = maxLength,
        Autocomplete = autocomplete ? true : null,
    };

    private static CommandOption Integer(string name, string description, int min, int max) => new()
    {
        Type = CommandOptionTypes.Integer, Name = name, Description = description, MinValue = min, MaxValue = max,
    };

    private static CommandOption Choice(string name, string description, params (string Name, string Value)[] choices) => new()
    {
        Type = CommandOptionTypes.String,
        Name = name,
        Description = description,
        Choices = [.. choices.Select(c => CommandChoice.Of(c.Name, c.Value))],
    };
}
