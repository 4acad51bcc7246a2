namespace PaperBot.Discord.Commands;

/// <summary><c>/help</c>: the query language with examples (docs/query-language.md in short) and the commands.</summary>
public sealed class HelpCommand : ISlashCommand
{
    public const string Text = """
        **Queries** (for `/subscribe` and `/search`)
        • `diffusion` — the whole word in the title or abstract; case, accents and plurals don't matter
        • `"image editing"` — a phrase (`few-shot` = `"few shot"`)
        • `diffus*` — a word starting with `diffus` (at least 2 letters)
        • `a b` both · `a OR b` either · `-a` or `NOT a` without · `( … )` groups
        • fields: `title:` `ti:`, `abstract:` `abs:`, `author:` `au:`, `category:` `cat:`, `source:`
        **Examples**
        • `"retrieval augmented" (llm OR "language model") -survey`
        • `au:"g hinton"` · `cat:cs.LG diffusion` · `ti:agent* source:huggingface`
        **Commands**
        `/subscribe` new papers by DM, or here with `where: here` (needs Manage Channels) — instant, daily or weekly
        `/subscriptions` · `/unsubscribe` · `/digest` what matched since the last delivery · `/status`
        `/search` · `/latest` · `/trending` · `/paper 2503.01234`
        """;

    public string Name => CommandCatalog.Help;

    public bool IsPrivate(CommandContext context) => true;

    public CommandAnswer Execute(CommandContext context) => CommandAnswer.Private(Text);
}
