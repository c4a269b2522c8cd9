namespace Kiosk.Ctl;

/// <summary>
/// Minimal argument reader: positional words and <c>--name value</c> / <c>--flag</c> options.
/// Unknown options are an error, so a typo never silently changes what a command does.
/// </summary>
internal sealed class ArgReader
{
    private readonly List<string> _positional = [];
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public ArgReader(IEnumerable<string> args, IReadOnlySet<string> flags)
    {
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var a = e.Current;
            if (a.StartsWith("--", StringComparison.Ordinal) && a.Length > 2)
            {
                var name = a[2..];
                string value;
                var eq = name.IndexOf('=', StringComparison.Ordinal);
                if (eq >= 0)
                {
                    value = name[(eq + 1)..];
                    name = name[..eq];
                }
                else if (flags.Contains(name))
                {
                    value = "true";
                }
                else if (e.MoveNext())
                {
                    value = e.Current;
                }
                else
                {
                    throw new CtlException($"option --{name} needs a value") { ExitCode = 2 };
                }

                if (!_options.TryGetValue(name, out var list))
                {
                    _options[name] = list = [];
                }

                list.Add(value);
            }
            else
            {
                _positional.Add(a);
            }
        }
    }

    public IReadOnlyList<string> Positional => _positional;

    public IEnumerable<string> OptionNames => _options.Keys;

    public string? Option(string name)
    {
        _used.Add(name);
        return _options.TryGetValue(name, out var list) ? list[^1] : null;
    }

    public IReadOnlyList<string> Options(string name)
    {
        _used.Add(name);
        return _options.TryGetValue(name, out var list) ? list : [];
    }

    public string Required(string name) =>
        Option(name) ?? throw new CtlException($"missing --{name}") { ExitCode = 2 };

    public bool Flag(string name) => Option(name) is "true";

    /// <summary>Throws for options the command did not ask for.</summary>
    public void EnsureAllUsed()
    {
        var unknown = _options.Keys.Where(k => !_used.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new CtlException($"unknown option(s): {string.Join(", ", unknown.Select(u => "--" + u))}") { ExitCode = 2 };
        }
    }
}
