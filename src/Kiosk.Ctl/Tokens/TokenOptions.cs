using System.CommandLine;
using System.Text.Json.Nodes;
using Kiosk.Contract.Commands;
using Kiosk.Contract.Vocabulary;
using Kiosk.Tokens;

namespace Kiosk.Ctl.Tokens;

/// <summary>The options of <c>token issue</c>, one per claim (names as in the kiosk contract, section 2).</summary>
internal sealed class TokenOptions
{
    public Option<string> Key { get; } = new("--key")
    {
        Description = "the issuer's private key, PEM (from kioskctl keys new)",
        HelpName = "FILE",
        Required = true,
    };

    public Option<string> Kid { get; } = new("--kid")
    {
        Description = "key id (JWS kid) the kiosk's trust store knows the public key by",
        HelpName = "KID",
        Required = true,
    };

    public Option<string> Iss { get; } = new("--iss") { Description = "issuer (iss); must be the issuer the trust store binds to --kid", HelpName = "ISS", Required = true };

    public Option<string[]> Aud { get; } = new("--aud")
    {
        Description = "audience (aud): kiosk ids or aliases, comma-separated",
        HelpName = "AUD[,AUD]",
        Required = true,
        CustomParser = r => [.. r.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
    };

    public Option<string> Sub { get; } = new("--sub") { Description = "subject (sub): the holder's pseudonymous id, never a name or phone number", HelpName = "SUB", Required = true };

    public Option<double> Ttl { get; } = new Option<double>("--ttl")
    {
        Description = "lifetime in seconds, 1 to 86400; default 300 for a pass or an unlock, 120 for any other --cmd (the most a kiosk accepts by default: Security:MaxPassLifetime, Security:MaxCommandLifetime)",
        HelpName = "SECONDS",
    }.InRange(1, 86400, "a number of seconds between 1 and 86400");

    public Option<string> Role { get; } = new("--role") { Description = "role claim; default (absent): worker" };

    public Option<string> Door { get; } = CtlOptions.Door("door claim: the door the pass opens");

    public Option<string> Act { get; } = new("--act") { Description = "for stewards: record attendance at the station" };

    public Option<string> Cmd { get; } = new("--cmd")
    {
        Description = $"make a command token: the command it authorises (cmd claim), one of {string.Join(", ", CommandNames.All)}; give its arguments with --arg. Without --cmd the token is a pass",
        HelpName = "NAME",
    };

    public Option<Dictionary<string, JsonNode?>?> Arg { get; } = new("--arg")
    {
        Description = "an argument of the --cmd command, as a further claim; repeat for each, e.g. --cmd power --arg circuit=outlet --arg action=reset. VALUE is JSON when it parses as JSON (5, true, [\"a\"]), else a string",
        HelpName = "NAME=VALUE",
        Arity = ArgumentArity.ZeroOrMore,
        CustomParser = CommandArguments.Parse,
    };

    public Option<string> Jti { get; } = new("--jti") { Description = "token id (jti), accepted once per kiosk; default: a random one", HelpName = "ID" };

    public Option<bool> Qr { get; } = new("--qr") { Description = "print the token as a QR code in the terminal, for a phone or a real scanner" };

    public void AddTo(Command command)
    {
        Role.AcceptOnlyFromAmong(Roles.Worker, Roles.Steward, Roles.Maintenance, Roles.Operator);
        Act.AcceptOnlyFromAmong("checkin", "checkout");
        Cmd.CompletionSources.Add([.. CommandNames.All]);
        foreach (var option in (Option[])[Key, Kid, Iss, Aud, Sub, Ttl, Role, Door, Act, Cmd, Arg, Jti, Qr])
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The claims to sign.</summary>
    public TokenDescriptor Descriptor(ParseResult parse)
    {
        var cmd = parse.GetValue(Cmd);
        return new()
        {
            Issuer = parse.GetRequiredValue(Iss),
            Audiences = parse.GetRequiredValue(Aud),
            Subject = parse.GetRequiredValue(Sub),
            Lifetime = parse.Given(Ttl) ? TimeSpan.FromSeconds(parse.GetValue(Ttl))
                : cmd is null or CommandNames.Unlock ? TokenValidationOptions.DefaultMaxPassLifetime : TokenValidationOptions.DefaultMaxCommandLifetime,
            Role = KioskRoleExtensions.TryParse(parse.GetValue(Role), out var role) ? role : null,
            Door = parse.GetValue(Door),
            Act = parse.GetValue(Act),
            Cmd = cmd,
            Jti = parse.GetValue(Jti),
            Extra = parse.GetValue(Arg),
        };
    }
}
