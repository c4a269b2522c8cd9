using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Messaging;

/// <summary>Checks that span several <c>Mqtt</c> keys; every message names the key to fix.</summary>
internal sealed class MqttOptionsCrossValidator(IHostEnvironment environment) : IValidateOptions<MqttOptions>
{
    public ValidateOptionsResult Validate(string? name, MqttOptions options)
    {
        var errors = new List<string>();
        if (options.UsesEmbeddedBroker && !environment.IsDevelopment())
        {
            errors.Add("Mqtt:Host is required outside Development (an empty host runs the embedded development broker).");
        }

        var tls = options.Tls;
        if (options.UsesTls)
        {
            if (!string.IsNullOrEmpty(tls.CertFile) && string.IsNullOrEmpty(tls.KeyFile))
            {
                errors.Add("Mqtt:Tls:KeyFile is required when Mqtt:Tls:CertFile is set.");
            }

            if (string.IsNullOrEmpty(tls.CertFile) && !string.IsNullOrEmpty(tls.KeyFile))
            {
                errors.Add("Mqtt:Tls:CertFile is required when Mqtt:Tls:KeyFile is set.");
            }

            CheckFile(errors, "Mqtt:Tls:CaFile", tls.CaFile);
            CheckFile(errors, "Mqtt:Tls:CertFile", tls.CertFile);
            CheckFile(errors, "Mqtt:Tls:KeyFile", tls.KeyFile);
        }

        if (string.IsNullOrEmpty(options.Username) && !string.IsNullOrEmpty(options.Password))
        {
            errors.Add("Mqtt:Username is required when Mqtt:Password is set.");
        }

        foreach (var (prefix, band) in options.Telemetry.Deadbands)
        {
            if (!(band >= 0) || double.IsInfinity(band))
            {
                errors.Add($"Mqtt:Telemetry:Deadbands:{prefix} must be a finite number >= 0.");
            }
        }

        if (options.Reconnect.MaxDelay < options.Reconnect.BaseDelay)
        {
            errors.Add("Mqtt:Reconnect:MaxDelay must be at least Mqtt:Reconnect:BaseDelay.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckFile(List<string> errors, string key, string? path)
    {
        if (!string.IsNullOrEmpty(path) && !File.Exists(path))
        {
            errors.Add($"{key} names '{path}', which does not exist.");
        }
    }
}
