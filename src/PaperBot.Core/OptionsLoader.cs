using Microsoft.Extensions.Configuration;

namespace PaperBot.Core;

/// <summary>Binds and validates options up front; every problem is reported with its key (exit code 2).</summary>
public sealed class OptionsLoader(IConfiguration configuration)
{
    private readonly List<ConfigurationError> _errors = [];

    public IReadOnlyList<ConfigurationError> Errors => _errors;

    public T Load<T>() where T : class, IValidatedOptions, new()
    {
        var options = new T();
        try
        {
            configuration.GetSection(T.Section).Bind(options, o => o.ErrorOnUnknownConfiguration = false);
        }
        catch (InvalidOperationException e)
        {
            // The binder names the key in its message: "Failed to convert configuration value at 'Email:Smtp:Port' …".
            _errors.Add(new ConfigurationError(T.Section, e.Message));
            return options;
        }
        _errors.AddRange(options.Validate());
        return options;
    }
}
