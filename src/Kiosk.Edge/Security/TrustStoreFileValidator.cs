using Kiosk.Tokens;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Security;

/// <summary>Fails the start when the trust store is missing or unusable (<see cref="TrustStoreFile"/>: also a file others may write), naming the key and the fault.</summary>
internal sealed class TrustStoreFileValidator : IValidateOptions<SecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        var failures = new List<string>();
        foreach (var audience in options.Audiences)
        {
            if (string.IsNullOrWhiteSpace(audience))
            {
                failures.Add("Security:Audiences: an alias must not be empty");
            }
        }

        if (!string.IsNullOrEmpty(options.TrustStorePath))
        {
            var path = options.ResolveTrustStorePath();
            if (!File.Exists(path))
            {
                failures.Add($"Security:TrustStorePath: the trust store {path} does not exist");
            }
            else
            {
                try
                {
                    using var store = TrustStoreFile.Load(path);
                }
                catch (TrustStoreException e)
                {
                    failures.Add($"Security:TrustStorePath: {e.Message}");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
