using System.CommandLine;
using Kiosk.Tokens;

namespace Kiosk.Fleet.Cli;

/// <summary><c>kiosk-fleet keys new</c>: a new operator signing key pair and the kiosk trust-store entry for it.</summary>
internal static class KeyCommands
{
    public static Command Create()
    {
        var keys = new Command("keys", "The fleet's operator signing keys");
        var kid = new Option<string>("--kid") { Description = "Key id the kiosks' trust stores will know it by", Required = true };
        var issuer = new Option<string>("--issuer") { Description = "The iss the key signs for", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Directory for {kid}.key.pem (mode 0600) and {kid}.pub.pem", Required = true };
        var create = new Command("new", "Create an ES256 (P-256) key pair") { kid, issuer, output };
        create.SetAction(async (result, ct) =>
        {
            var id = result.GetRequiredValue(kid);
            var dir = result.GetRequiredValue(output);
            dir.Create();
            var (privateKey, publicKey) = KeyPairGenerator.CreateP256();
            var keyPath = Path.Combine(dir.FullName, id + ".key.pem");
            if (File.Exists(keyPath))
            {
                await Console.Error.WriteLineAsync($"--out: {keyPath} exists; not overwritten").ConfigureAwait(false);
                return 1;
            }

            await using (var stream = new FileStream(keyPath, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite }))
            await using (var writer = new StreamWriter(stream))
            {
                await writer.WriteAsync(privateKey).ConfigureAwait(false);
            }

            var pubPath = Path.Combine(dir.FullName, id + ".pub.pem");
            await File.WriteAllTextAsync(pubPath, publicKey, ct).ConfigureAwait(false);
            await Console.Out.WriteLineAsync($"private key: {keyPath} (set Fleet:Signing:KeyFile, Kid {id}, Issuer {result.GetRequiredValue(issuer)})").ConfigureAwait(false);
            await Console.Out.WriteLineAsync($"public key:  {pubPath}; kiosk trust-store entry:").ConfigureAwait(false);
            await Console.Out.WriteLineAsync($$"""{ "kid": "{{id}}", "issuer": "{{result.GetRequiredValue(issuer)}}", "publicKeyFile": "{{id}}.pub.pem", "roles": [ "worker", "operator" ] }""").ConfigureAwait(false);
            return 0;
        });
        keys.Subcommands.Add(create);
        return keys;
    }
}
