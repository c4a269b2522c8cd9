using System.CommandLine;
using Kiosk.Tokens;

namespace Kiosk.Ctl.Keys;

/// <summary><c>kioskctl keys new --kid KID [--out DIR]</c>: a new ES256 (P-256) key pair as PEM files.</summary>
internal static class KeysCommand
{
    public static Command Create(CtlContext context)
    {
        var kid = new Option<string>("--kid")
        {
            Description = "key id (JWS kid): 1-64 letters, digits, '-', '_' or '.'; names the files KID.key.pem and KID.pub.pem",
            HelpName = "KID",
            Required = true,
        };
        kid.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<string>() ?? string.Empty;
            if (value.Length is 0 or > 64 || value.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            {
                r.AddError("--kid: 1-64 characters of letters, digits, '-', '_' or '.'");
            }
        });
        var output = new Option<string>("--out")
        {
            Description = "directory for the two PEM files (created if missing)",
            HelpName = "DIR",
            DefaultValueFactory = _ => ".",
        };
        var create = new Command("new", "Create an ES256 (P-256) key pair: KID.key.pem (owner-only, for the issuer) and KID.pub.pem (for the kiosk's trust store).") { kid, output };
        create.SetAction(parse =>
        {
            Write(parse.GetRequiredValue(kid), parse.GetRequiredValue(output), context.Out);
            return ExitCodes.Ok;
        });
        return new Command("keys", "Token signing keys.") { create };
    }

    private static void Write(string kid, string dir, TextWriter stdout)
    {
        Directory.CreateDirectory(dir);
        var privatePath = Path.Combine(dir, kid + ".key.pem");
        var publicPath = Path.Combine(dir, kid + ".pub.pem");
        if (File.Exists(privatePath))
        {
            throw new CtlException($"{privatePath} exists; refusing to overwrite a key");
        }

        var (privatePem, publicPem) = KeyPairGenerator.CreateP256();
        // Create the private key file owner-only before any byte of the key is written to it.
        using (var stream = new FileStream(privatePath, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        }))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(privatePem);
        }

        File.WriteAllText(publicPath, publicPem);
        stdout.WriteLine($"private key: {privatePath} (keep it on the issuer, never on a kiosk)");
        stdout.WriteLine($"public key:  {publicPath}");
        stdout.WriteLine("trust store entry for the kiosk:");
        stdout.WriteLine($$"""  { "kid": "{{kid}}", "issuer": "<issuer>", "publicKeyFile": "{{Path.GetFileName(publicPath)}}", "roles": ["worker"] }""");
    }
}
