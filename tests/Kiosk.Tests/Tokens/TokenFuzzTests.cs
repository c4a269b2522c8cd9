using System.Text;
using Kiosk.Tokens;

namespace Kiosk.Tests.Tokens;

/// <summary>
/// 100,000 random and mutated tokens (seeded, so a failure reproduces): never a grant, never an
/// exception, always a contract deny reason.
/// </summary>
public sealed class TokenFuzzTests : IDisposable
{
    private const int Iterations = 100_000;
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ \"{}:,\\\u00e9\0";
    private readonly TokenTestKit _kit = new();

    // Too slow to repeat for every mutant: the Stryker configs filter on this trait (docs/mutation-testing.md).
    [Fact]
    [Trait("Category", "Fuzz")]
    public void Validate_RandomAndMutatedTokens_AlwaysDeniedWithContractReason()
    {
        var random = new Random(20261123);
        var seeds = new[]
        {
            _kit.Issue(),
            _kit.Issue(TokenTestKit.Pass() with { Role = KioskRole.Operator, Cmd = "power", Door = "rest", Audiences = ["a", TokenTestKit.KioskId] }),
            _kit.SignRaw("""{"alg":"none","kid":"issuer-1"}""", _kit.Payload()),
        };
        var seen = new HashSet<string>(seeds, StringComparer.Ordinal);
        var counts = new int[Enum.GetValues<DenyReason>().Length];
        var checkedTokens = 0;
        for (var i = 0; i < Iterations; i++)
        {
            var candidate = (i % 10) switch
            {
                0 => RandomText(random),
                1 => RandomSegments(random),
                2 => SpliceSegments(random, seeds),
                _ => Mutate(random, seeds[random.Next(seeds.Length)]),
            };
            if (seen.Contains(candidate))
            {
                continue;
            }

            var result = _kit.Validator.Validate(candidate);
            Assert.False(result.IsValid, $"iteration {i} granted: {candidate}");
            var reason = result.Reason!.Value;
            Assert.True(DenyReasonExtensions.TryParse(reason.ToContractString(), out var back) && back == reason);
            counts[(int)reason]++;
            checkedTokens++;
        }

        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(", ", Enum.GetValues<DenyReason>().Where(r => counts[(int)r] > 0).Select(r => $"{r.ToContractString()} {counts[(int)r]}")));
        Assert.True(checkedTokens > Iterations * 9 / 10, $"only {checkedTokens} distinct tokens");
        // The mix must reach deep checks, not only the cheap syntax ones.
        Assert.True(counts[(int)DenyReason.Malformed] > 0);
        Assert.True(counts[(int)DenyReason.BadSignature] > 1000, $"bad_signature {counts[(int)DenyReason.BadSignature]}");
        Assert.True(counts[(int)DenyReason.UnsupportedAlg] > 0);
        Assert.True(counts[(int)DenyReason.TooLarge] > 0);
    }

    private static string RandomText(Random random)
    {
        var length = random.Next(0, 6) == 0 ? random.Next(4000, 5000) : random.Next(0, 300);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Alphabet[random.Next(Alphabet.Length)];
        }

        return new string(chars);
    }

    private static string RandomSegments(Random random)
    {
        var segments = new string[random.Next(1, 5)];
        for (var i = 0; i < segments.Length; i++)
        {
            var bytes = new byte[random.Next(0, 120)];
            random.NextBytes(bytes);
            if (random.Next(2) == 0 && bytes.Length > 2)
            {
                // Random bytes inside a JSON-looking object reach the JSON reader instead of the UTF-8 check.
                var json = "{\"alg\":\"ES256\",\"kid\":\"issuer-1\"," + Encoding.Latin1.GetString(bytes).Replace('\0', ' ') + "}";
                bytes = Encoding.UTF8.GetBytes(json);
            }

            segments[i] = System.Buffers.Text.Base64Url.EncodeToString(bytes);
        }

        return string.Join('.', segments);
    }

    private static string SpliceSegments(Random random, string[] seeds)
    {
        var parts = seeds.Select(s => s.Split('.')).ToArray();
        return $"{parts[random.Next(parts.Length)][0]}.{parts[random.Next(parts.Length)][1]}.{parts[random.Next(parts.Length)][2]}";
    }

    private static string Mutate(Random random, string seed)
    {
        var chars = new StringBuilder(seed);
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits; e++)
        {
            var at = random.Next(chars.Length);
            switch (random.Next(4))
            {
                case 0:
                    chars[at] = Alphabet[random.Next(Alphabet.Length)];
                    break;
                case 1:
                    chars.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                    break;
                case 2:
                    if (chars.Length > 1)
                    {
                        chars.Remove(at, 1);
                    }

                    break;
                default:
                    // Flip one bit of a base64url character: a one-bit change of the decoded bytes, mostly still valid base64url.
                    var c = chars[at];
                    var index = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".IndexOf(c, StringComparison.Ordinal);
                    if (index >= 0)
                    {
                        chars[at] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[index ^ (1 << random.Next(6))];
                    }

                    break;
            }
        }

        return chars.ToString();
    }

    public void Dispose() => _kit.Dispose();
}
