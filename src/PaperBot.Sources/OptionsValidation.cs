using System.ComponentModel.DataAnnotations;
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
