using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Diagnostics;

/// <summary>Cross-field rules of <see cref="DiagnosticsOptions"/>.</summary>
internal sealed class DiagnosticsOptionsRules : IValidateOptions<DiagnosticsOptions>
{
    public ValidateOptionsResult Validate(string? name, DiagnosticsOptions options) =>
        options.DiskFailMegabytes >= options.DiskWarnMegabytes
            ? ValidateOptionsResult.Fail($"Diagnostics:DiskFailMegabytes ({options.DiskFailMegabytes}) must be below Diagnostics:DiskWarnMegabytes ({options.DiskWarnMegabytes})")
            : ValidateOptionsResult.Success;
}
