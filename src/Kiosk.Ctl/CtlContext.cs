using System.CommandLine;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Kiosk.Ctl;

/// <summary>
/// What every verb's action needs besides its own options: the output streams, Spectre rendering that
/// stays plain off a terminal, and the global <c>--socket</c> option that picks the service to talk to.
/// </summary>
internal sealed class CtlContext
{
    /// <summary>Width of plain (non-terminal) output: wide enough that no table line is wrapped.</summary>
    private const int PlainWidth = 4096;

    private readonly Lazy<IAnsiConsole> _console;

    public CtlContext(CtlIo io)
    {
        Io = io;
        _console = new Lazy<IAnsiConsole>(() => CreateConsole(io.Out, io.IsTerminal));
    }

    public CtlIo Io { get; }

    public TextWriter Out => Io.Out;

    public bool IsTerminal => Io.IsTerminal;

    /// <summary>Spectre console over stdout: ANSI and colour on a terminal, plain text otherwise.</summary>
    public IAnsiConsole Console => _console.Value;

    /// <summary><c>--socket PATH</c>, accepted before or after the verb.</summary>
    public Option<string> Socket { get; } = new("--socket")
    {
        Description = $"the service's control socket (default: ${ControlClient.SocketVariable}, else {ControlClient.ProductionSocket}, else {ControlClient.DevelopmentSocket} when only the development service runs)",
        HelpName = "PATH",
        Recursive = true,
    };

    /// <summary>A client for the socket this command line names.</summary>
    public ControlClient Client(ParseResult parse) => new(ControlClient.ResolveSocket(parse.GetValue(Socket)));

    /// <summary>Draws a renderable on stdout: as is on a terminal, as plain text without trailing blanks otherwise.</summary>
    public void Write(IRenderable renderable)
    {
        if (IsTerminal)
        {
            Console.Write(renderable);
        }
        else
        {
            Out.Write(Plain(renderable));
        }
    }

    /// <summary>A renderable as plain text: no ANSI, no colour, no wrapping, lines right-trimmed.</summary>
    public static string Plain(IRenderable renderable)
    {
        using var text = new StringWriter();
        CreateConsole(text, terminal: false).Write(renderable);
        return string.Join('\n', text.ToString().Split('\n').Select(line => line.TrimEnd()));
    }

    private static IAnsiConsole CreateConsole(TextWriter output, bool terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        if (!terminal)
        {
            console.Profile.Width = PlainWidth;
        }

        return console;
    }
}
