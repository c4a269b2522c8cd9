using System.Text.Json;
using System.Text.Json.Nodes;
using Kiosk.Tokens;
using Microsoft.Extensions.Options;

namespace Kiosk.Fleet.Commands;

/// <summary>
/// Signs command tokens and passes with the fleet's operator key (Kiosk.Tokens' ES256 issuer):
/// a short lifetime, a fresh random jti, <c>aud</c> = the kiosk, <c>sub</c> = who asked.
/// </summary>
internal sealed class CommandSigner : IDisposable
{
    private readonly TokenIssuer _issuer;
    private readonly SigningOptions _options;

    public CommandSigner(IOptions<SigningOptions> options, IHostEnvironment environment, TimeProvider time)
    {
        _options = options.Value;
        var path = Path.IsPathRooted(_options.KeyFile) ? _options.KeyFile : Path.Combine(environment.ContentRootPath, _options.KeyFile);
        if (!File.Exists(path) && !Path.IsPathRooted(_options.KeyFile))
        {
            // A relative path is also looked up beside the binary (the demo key is copied there).
            path = Path.Combine(AppContext.BaseDirectory, _options.KeyFile);
        }
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Fleet:Signing:KeyFile names '{path}', which does not exist.");
        }

        try
        {
            var pem = File.ReadAllText(path);
            _issuer = new TokenIssuer(pem, _options.Kid, time);
            using var key = System.Security.Cryptography.ECDsa.Create();
            key.ImportFromPem(pem);
            PublicKeyPem = key.ExportSubjectPublicKeyInfoPem();
        }
        catch (ArgumentException e)
        {
            // The message says what is wrong with the key, never the key.
            throw new InvalidOperationException($"Fleet:Signing:KeyFile '{path}' is not an EC P-256 private key.", e);
        }
    }

    public string Kid => _options.Kid;

    /// <summary>The signing key's public half (SubjectPublicKeyInfo PEM): what a kiosk's trust store holds for <see cref="Kid"/>.</summary>
    public string PublicKeyPem { get; }

    /// <summary>A command token: <c>cmd</c> = <paramref name="name"/>, role operator, the arguments as claims.</summary>
    public string Command(string kioskId, string name, JsonElement arguments, string operatorId)
    {
        var extra = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        string? door = null;
        foreach (var p in arguments.EnumerateObject())
        {
            if (p.Name == "door")
            {
                door = p.Value.GetString();
                continue;
            }

            extra[p.Name] = JsonNode.Parse(p.Value.GetRawText());
        }

        return _issuer.Issue(new TokenDescriptor
        {
            Issuer = _options.Issuer,
            Audiences = [kioskId],
            Subject = operatorId,
            Lifetime = _options.CommandLifetime,
            Role = KioskRole.Operator,
            Cmd = name,
            Door = door,
            Extra = extra,
        });
    }

    /// <summary>A worker's pass for one kiosk and door (no <c>cmd</c>: it serves the scanner and <c>unlock</c>).</summary>
    public string Pass(string kioskId, string? door, string workerSub) => _issuer.Issue(new TokenDescriptor
    {
        Issuer = _options.Issuer,
        Audiences = [kioskId],
        Subject = workerSub,
        Lifetime = _options.PassLifetime,
        Door = door,
    });

    public TimeSpan PassLifetime => _options.PassLifetime;

    public void Dispose() => _issuer.Dispose();
}
