using System.Text.RegularExpressions;
using Kiosk.Edge.Hardware;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Configuration;

/// <summary>
/// <c>kiosk-edge --check-config</c>: reads the configuration exactly as the service would (same sources,
/// same validators, the pin map with the enabled buses) without starting anything or touching hardware,
/// and prints every problem, one per line, each naming its configuration key. The unit runs it as
/// <c>ExecCondition=</c>, so a half-filled <c>/etc/kiosk/kiosk.json</c> leaves the service stopped with
/// the reasons in the journal instead of crash-looping; <c>kioskctl config check</c> runs it before a first start.
/// </summary>
public static partial class ConfigurationCheck
{
    /// <summary>The command-line switch that selects the check instead of the service.</summary>
    public const string Switch = "--check-config";

    /// <summary>Exit code when the configuration is complete and valid.</summary>
    public const int Valid = 0;

    /// <summary>Exit code for any problem (1..254 makes systemd skip the unit rather than fail it).</summary>
    public const int Invalid = 1;

    /// <summary>GPIO lines 0..27 are on the Raspberry Pi 40-pin header (BCM numbering).</summary>
    private const int HeaderLines = 28;

    /// <summary>Runs the check; <paramref name="args"/> are the service's arguments without <see cref="Switch"/>.</summary>
    public static int Run(string[] args, TextWriter output)
    {
        var problems = Problems(args);
        var source = Environment.GetEnvironmentVariable(KioskHost.ConfigPathVariable) is { Length: > 0 } explicitPath ? explicitPath : KioskHost.DefaultConfigPath;
        if (problems.Count == 0)
        {
            output.WriteLine($"configuration ok ({source})");
            return Valid;
        }

        output.WriteLine($"configuration incomplete or invalid ({source}): {problems.Count} problem{(problems.Count == 1 ? "" : "s")}");
        foreach (var problem in problems)
        {
            output.WriteLine($"  {problem}");
        }

        output.WriteLine("the service does not start until these are fixed; then: sudo systemctl restart kiosk-edge");
        return Invalid;
    }

    /// <summary>Every configuration problem, each naming its key; empty when the service would start.</summary>
    public static IReadOnlyList<string> Problems(string[] args)
    {
        IHost host;
        try
        {
            host = KioskHost.Build(args);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or FormatException or InvalidOperationException)
        {
            // An unreadable or malformed file: the configuration providers name the file and the position.
            return [e.Message];
        }

        using (host)
        {
            var problems = new List<string>();
            try
            {
                host.Services.GetRequiredService<IStartupValidator>().Validate();
            }
            catch (OptionsValidationException e)
            {
                problems.AddRange(e.Failures);
            }
            catch (AggregateException e)
            {
                problems.AddRange(e.InnerExceptions.SelectMany(i => i is OptionsValidationException o ? o.Failures : [i.Message]));
            }
            catch (InvalidOperationException e)
            {
                // The binder refuses a value it cannot convert (an unknown enum name, a word for a number) by
                // throwing: a problem like any other, not a crash of the check (the unit's ExecCondition=).
                problems.Add(e.Message);
            }

            if (problems.Count == 0)
            {
                problems.AddRange(PinProblems(host.Services));
            }

            return problems.Select(Plain).Distinct(StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>
    /// The data-annotation validators say "Id: The KioskOptions.Id field is required." or "Latitude: The field
    /// KioskOptions.Station.Latitude must be between -90 and 90."; a technician needs the key first:
    /// "Kiosk:Id: required, not set", "Kiosk:Station:Latitude: must be between -90 and 90".
    /// </summary>
    internal static string Plain(string failure)
    {
        if (ConversionFailure().Match(failure) is { Success: true } c)
        {
            return $"{c.Groups["key"].Value}: '{c.Groups["value"].Value}' is not a valid {c.Groups["type"].Value} value (docs/configuration.md lists the values)";
        }

        var text = MemberPrefix().Match(failure) is { Success: true } p ? failure[p.Length..] : failure;
        var m = AnnotationFailure().Match(text);
        if (!m.Success)
        {
            return text;
        }

        var path = m.Groups["path"].Value;
        var key = path.Contains(':', StringComparison.Ordinal) ? path : OptionsCatalog.KeyOf(path) ?? path;
        var rest = m.Groups["rest"].Value.TrimEnd('.');
        return rest == "is required" ? $"{key}: required, not set" : $"{key}: {rest}";
    }

    /// <summary>"Latitude: " before a message that names its key itself.</summary>
    [GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?:[\w`]+\.)*(?<type>[\w`]+)'")]
    private static partial Regex ConversionFailure();

    [GeneratedRegex(@"^\w+: (?=The |[A-Z]\w*:)")]
    private static partial Regex MemberPrefix();

    [GeneratedRegex(@"^The (?:field (?<path>[\w:.\[\]-]+) (?<rest>must .*)|(?<path>[\w:.\[\]-]+) field (?<rest>.*))$")]
    private static partial Regex AnnotationFailure();

    /// <summary>The pin map against the header (the chip itself is not opened: the check must not take lines from a running service).</summary>
    private static IEnumerable<string> PinProblems(IServiceProvider services)
    {
        try
        {
            var simulated = services.GetRequiredService<IOptions<BoardOptions>>().Value.Kind == BoardKind.Simulated;
            var lines = simulated ? services.GetRequiredService<Board>().PinCount : HeaderLines;
            _ = new PinRegistry(lines, simulated ? "simulated chip" : "40-pin header", services.GetServices<PinClaimSource>().SelectMany(s => s.Claims()));
            return [];
        }
        catch (OptionsValidationException e)
        {
            return e.Failures;
        }
    }
}
