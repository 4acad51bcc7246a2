namespace PaperBot.Core;

/// <summary>One invalid configuration value: the full key (<c>Delivery:DigestTime</c>) and what is wrong with it.</summary>
public sealed record ConfigurationError(string Key, string Problem)
{
    public override string ToString() => $"{Key}: {Problem}";
}

/// <summary>Options that check themselves, so a bad value stops start-up with its key's name.</summary>
public interface IValidatedOptions
{
    /// <summary>The configuration section the options bind to (<c>Delivery</c>).</summary>
    static abstract string Section { get; }

    IEnumerable<ConfigurationError> Validate();
}
