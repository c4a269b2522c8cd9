using System.CommandLine;

namespace Kiosk.Ctl.Completion;

/// <summary>
/// <c>kioskctl completion bash|zsh</c>: prints a shell completion script. The script asks kioskctl itself
/// for candidates through System.CommandLine's <c>[suggest:POSITION]</c> directive, so completions always
/// match the verbs and options of the installed binary, including the values an option accepts.
/// </summary>
internal static class CompletionCommand
{
    public static Command Create(CtlContext context)
    {
        var shell = new Argument<string>("shell") { Description = "bash or zsh" };
        shell.AcceptOnlyFromAmong("bash", "zsh");
        var command = new Command("completion", """
            Print a shell completion script. Install for bash: kioskctl completion bash > /etc/bash_completion.d/kioskctl
            (or add 'source <(kioskctl completion bash)' to ~/.bashrc); for zsh: 'source <(kioskctl completion zsh)' in ~/.zshrc.
            """) { shell };
        command.SetAction(parse =>
        {
            context.Out.Write(parse.GetRequiredValue(shell) == "zsh" ? CompletionScripts.Zsh : CompletionScripts.Bash);
            return ExitCodes.Ok;
        });
        return command;
    }
}
