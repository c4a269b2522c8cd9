using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Health;

/// <summary>Checks <c>Health:Loops</c>, which the attribute validator cannot see into.</summary>
internal sealed partial class HealthLoopsValidator : IValidateOptions<HealthOptions>
{
    internal static readonly TimeSpan MinDeadline = TimeSpan.FromMilliseconds(100);
    internal static readonly TimeSpan MaxDeadline = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, HealthOptions options)
    {
        var failures = new List<string>();
        foreach (var (loop, deadline) in options.Loops)
        {
            if (!LoopName().IsMatch(loop))
            {
                failures.Add($"Health:Loops:{loop} is not a valid loop name (lower-case letters, digits, '-', '_', '.').");
            }

            if (deadline < MinDeadline || deadline > MaxDeadline)
            {
                failures.Add($"Health:Loops:{loop} must be between {MinDeadline:c} and {MaxDeadline:c} (was {deadline:c}).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,31}$")]
    private static partial Regex LoopName();
}
