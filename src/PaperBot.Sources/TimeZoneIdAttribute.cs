using System.ComponentModel.DataAnnotations;
using PaperBot.Core.Subscriptions;

namespace PaperBot.Sources;

/// <summary>Validates a time zone id (IANA or Windows) that a source's schedule is read in.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TimeZoneIdAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is string id && ScheduleValidation.TryFindTimeZone(id, out _)
            ? ValidationResult.Success
            : new ValidationResult($"'{value}' is not a known time zone (for example \"UTC\" or \"America/New_York\")", [validationContext.MemberName!]);
}
