using Kiosk.Tokens;

namespace Kiosk.Ctl;

/// <summary><c>kioskctl keys new --kid KID [--out DIR]</c>: a new ES256 (P-256) key pair as PEM files.</summary>
internal static class KeysVerb
{
    public static int Run(ArgReader args, TextWriter stdout)
    {
        if (args.Positional is not [_, "new"])
        {
            throw new CtlException("usage: kioskctl keys new --kid KID [--out DIR]");
        }

        var kid = args.Required("kid");
        if (kid.Length is 0 or > 64 || kid.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            throw new CtlException("--kid: 1-64 characters of letters, digits, '-', '_' or '.'");
        }

        var dir = args.Option("out") ?? ".";
        args.EnsureAllUsed();
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
        return 0;
    }
}
