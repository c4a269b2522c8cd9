using Microsoft.Extensions.Options;

namespace Kiosk.Fleet.Mqtt;

/// <summary>Checks spanning several <c>Fleet:Mqtt</c> keys; each message names the key to fix.</summary>
internal sealed class FleetMqttOptionsValidator(IHostEnvironment environment) : IValidateOptions<FleetMqttOptions>
{
    public ValidateOptionsResult Validate(string? name, FleetMqttOptions options)
    {
        var errors = new List<string>();
        if (options.UsesEmbeddedBroker && !environment.IsDevelopment())
        {
            errors.Add("Fleet:Mqtt:Host is required outside Development (an empty host runs the embedded development broker).");
        }

        if (options.UsesTls)
        {
            if (string.IsNullOrEmpty(options.CertFile) != string.IsNullOrEmpty(options.KeyFile))
            {
                errors.Add("Fleet:Mqtt:CertFile and Fleet:Mqtt:KeyFile go together.");
            }

            foreach (var (key, path) in new[] { ("CaFile", options.CaFile), ("CertFile", options.CertFile), ("KeyFile", options.KeyFile) })
            {
                if (!string.IsNullOrEmpty(path) && !File.Exists(path))
                {
                    errors.Add($"Fleet:Mqtt:{key} names '{path}', which does not exist.");
                }
            }
        }

        if (string.IsNullOrEmpty(options.Username) && !string.IsNullOrEmpty(options.Password))
        {
            errors.Add("Fleet:Mqtt:Username is required when Fleet:Mqtt:Password is set.");
        }

        if (options.ReconnectMaxDelay < options.ReconnectBaseDelay)
        {
            errors.Add("Fleet:Mqtt:ReconnectMaxDelay must be at least Fleet:Mqtt:ReconnectBaseDelay.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
