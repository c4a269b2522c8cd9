using Microsoft.Extensions.Options;

namespace Kiosk.Fleet.Web;

/// <summary>Fails at start, naming the key, on a tile URL that is not empty nor an http(s) template with <c>{z}</c>, <c>{x}</c> and <c>{y}</c>.</summary>
internal sealed class ConsoleOptionsValidator : IValidateOptions<ConsoleOptions>
{
    public ValidateOptionsResult Validate(string? name, ConsoleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.TileUrl))
        {
            return ValidateOptionsResult.Success;
        }

        var ok = Uri.TryCreate(options.TileUrl.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && options.TileUrl.Contains("{z}", StringComparison.Ordinal)
            && options.TileUrl.Contains("{x}", StringComparison.Ordinal)
            && options.TileUrl.Contains("{y}", StringComparison.Ordinal);
        return ok
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{ConsoleOptions.Section}:TileUrl must be empty (no tiles) or an http(s) URL template with {{z}}, {{x}} and {{y}}, not '{options.TileUrl}'");
    }
}
