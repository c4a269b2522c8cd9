using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Kiosk.Fleet.Workers;

/// <summary>Worker (phone) accounts (<c>Fleet:Workers</c>).</summary>
public sealed class WorkerOptions
{
    public const string Section = "Fleet:Workers";

    /// <summary>
    /// Secret key of the keyed hashes that stand in for phone numbers (HMAC-SHA256): at least 32
    /// characters, from the environment or a credentials file in production; never logged.
    /// </summary>
    public string Pepper { get; set; } = "";

    [Range(typeof(TimeSpan), "00:01:00", "00:30:00")]
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    [Range(1, 20)]
    public int CodeAttempts { get; set; } = 5;

    /// <summary>How long a phone stays signed in.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "90.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(7);
}

internal sealed class WorkerOptionsValidator : IValidateOptions<WorkerOptions>
{
    public ValidateOptionsResult Validate(string? name, WorkerOptions options) =>
        options.Pepper.Length >= 32
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Fleet:Workers:Pepper must be a secret of at least 32 characters (set it from the environment, e.g. Fleet__Workers__Pepper).");
}
