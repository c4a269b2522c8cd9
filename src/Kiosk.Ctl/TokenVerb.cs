using System.Globalization;
using System.Text.Json.Nodes;
using Kiosk.Tokens;
using QRCoder;

namespace Kiosk.Ctl;

/// <summary>
/// <c>kioskctl token issue</c>: a signed pass or command token, for development, tests and a
/// site's own small issuer. Prints only the token (or its QR code), so it composes in scripts.
/// </summary>
internal static class TokenVerb
{
    public static int Run(ArgReader args, TextWriter stdout, TimeProvider? time = null)
    {
        if (args.Positional is not [_, "issue"])
        {
            throw new CtlException("usage: kioskctl token issue --key FILE --kid KID --iss ISS --aud AUD --sub SUB [...] (kioskctl help)");
        }

        var keyPath = args.Required("key");
        var kid = args.Required("kid");
        var descriptor = new TokenDescriptor
        {
            Issuer = args.Required("iss"),
            Audiences = args.Required("aud").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Subject = args.Required("sub"),
            Lifetime = TimeSpan.FromSeconds(ParseSeconds(args.Option("ttl") ?? "300")),
            Role = args.Option("role") is { } r
                ? KioskRoleExtensions.TryParse(r, out var role) ? role : throw new CtlException($"--role: '{r}' is not worker, steward, maintenance or operator")
                : null,
            Door = args.Option("door"),
            Act = args.Option("act") is { } act
                ? act is "checkin" or "checkout" ? act : throw new CtlException("--act: checkin or checkout")
                : null,
            Cmd = args.Option("cmd"),
            Jti = args.Option("jti"),
            Extra = ParseExtra(args.Options("arg")),
        };
        var qr = args.Flag("qr");
        args.EnsureAllUsed();

        string pem;
        try
        {
            pem = File.ReadAllText(keyPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CtlException($"--key: cannot read {keyPath}: {e.Message}");
        }

        string token;
        try
        {
            using var issuer = new TokenIssuer(pem, kid, time ?? TimeProvider.System);
            token = issuer.Issue(descriptor);
        }
        catch (Exception e) when (e is ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            throw new CtlException($"cannot issue the token: {e.Message}");
        }

        if (qr)
        {
            using var data = QRCodeGenerator.GenerateQrCode(token, QRCodeGenerator.ECCLevel.L);
            using var code = new AsciiQRCode(data);
            stdout.WriteLine(code.GetGraphicSmall());
        }
        else
        {
            stdout.WriteLine(token);
        }

        return 0;
    }

    private static double ParseSeconds(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 && s <= 86400
            ? s
            : throw new CtlException($"--ttl: '{value}' is not a number of seconds between 1 and 86400");

    /// <summary>--arg name=value: command arguments; JSON values (numbers, arrays, true) keep their type.</summary>
    private static Dictionary<string, JsonNode?>? ParseExtra(IReadOnlyList<string> pairs)
    {
        if (pairs.Count == 0)
        {
            return null;
        }

        var extra = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new CtlException($"--arg '{pair}': use NAME=VALUE");
            }

            var raw = pair[(eq + 1)..];
            JsonNode? value;
            try
            {
                value = JsonNode.Parse(raw);
            }
            catch (System.Text.Json.JsonException)
            {
                value = JsonValue.Create(raw);
            }

            extra[pair[..eq]] = value;
        }

        return extra;
    }
}
