using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using PaperBot.Core;

namespace PaperBot.Sources;

/// <summary>Runs an options object's data annotations (and <see cref="IValidatableObject"/>) and names each problem by
/// its full configuration key (<c>Sources:Arxiv:MinInterval</c>), as the host reports bad configuration.</summary>
internal static class OptionsValidation
{
    public static IEnumerable<ConfigurationError> Validate(object options, string section)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        foreach (var result in results)
        {
            var members = result.MemberNames.DefaultIfEmpty("");
            foreach (var member in members)
                yield return new ConfigurationError(member.Length == 0 ? section : $"{section}:{member}", result.ErrorMessage ?? "is invalid");
        }
    }
}

/// <summary>Lets <c>ValidateOnStart</c> use the same checks as the host's options loader.</summary>
internal sealed class ValidatedOptionsValidator<T> : IValidateOptions<T> where T : class, IValidatedOptions
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var errors = options.Validate().Select(e => e.ToString()).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
