namespace Kiosk.Ctl;

/// <summary>
/// Where kioskctl reads and writes. <see cref="IsTerminal"/> is true only when stdout is a terminal:
/// then tables get borders and colour and <c>watch</c> redraws in place; otherwise output stays plain text.
/// </summary>
internal sealed record CtlIo(TextWriter Out, TextWriter Error, TextReader In, bool IsTerminal)
{
    /// <summary>The process's console; a terminal unless stdout is redirected (a pipe, a file, CI).</summary>
    public static CtlIo FromConsole() => new(Console.Out, Console.Error, Console.In, !Console.IsOutputRedirected);

    /// <summary>Plain text to the given writers, nothing on stdin (tests, scripts).</summary>
    public static CtlIo Plain(TextWriter stdout, TextWriter stderr, TextReader? stdin = null) =>
        new(stdout, stderr, stdin ?? TextReader.Null, IsTerminal: false);
}
