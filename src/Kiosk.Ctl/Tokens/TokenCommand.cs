using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Kiosk.Tokens;
using QRCoder;

namespace Kiosk.Ctl.Tokens;

/// <summary>
/// <c>kioskctl token issue</c>: a signed pass or command token (JWS ES256, claims per the kiosk contract,
/// section 2), for development, tests and a site's own small issuer. Prints only the token (or its QR
/// code), so it composes in scripts.
/// </summary>
internal static class TokenCommand
{
    public static Command Create(CtlContext context) => new("token", "Signed passes and command tokens.") { Issue(context, TimeProvider.System) };

    internal static Command Issue(CtlContext context, TimeProvider time)
    {
        var options = new TokenOptions();
        var issue = new Command("issue", """
            Print a signed pass or command token (JWS, ES256). A pass opens a door when scanned; with --cmd it
            authorises one command (its arguments from --arg). Lifetime and claims are checked by the kiosk.
            """);
        options.AddTo(issue);
        issue.SetAction(parse =>
        {
            var descriptor = options.Descriptor(parse);
            var token = Sign(parse.GetRequiredValue(options.Key), parse.GetRequiredValue(options.Kid), descriptor, time);
            if (parse.GetValue(options.Qr))
            {
                using var data = QRCodeGenerator.GenerateQrCode(token, QRCodeGenerator.ECCLevel.L);
                using var code = new AsciiQRCode(data);
                context.Out.WriteLine(code.GetGraphicSmall());
            }
            else
            {
                context.Out.WriteLine(token);
            }

            return ExitCodes.Ok;
        });
        return issue;
    }

    private static string Sign(string keyPath, string kid, TokenDescriptor descriptor, TimeProvider time)
    {
        string pem;
        try
        {
            pem = File.ReadAllText(keyPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CtlException($"--key: cannot read {keyPath}: {e.Message}");
        }

        try
        {
            using var issuer = new TokenIssuer(pem, kid, time);
            return issuer.Issue(descriptor);
        }
        catch (Exception e) when (e is ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            throw new CtlException($"cannot issue the token: {e.Message}");
        }
    }
}
