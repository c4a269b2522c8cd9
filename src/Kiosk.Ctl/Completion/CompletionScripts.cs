namespace Kiosk.Ctl.Completion;

/// <summary>
/// The completion scripts. Bash passes the line and the cursor offset (COMP_LINE, COMP_POINT) to
/// <c>kioskctl "[suggest:N]" LINE</c>, which prints one candidate a line; compgen filters by the word.
/// </summary>
internal static class CompletionScripts
{
    public const string Bash = """
        # kioskctl completion for bash: candidates come from kioskctl's [suggest] directive.
        _kioskctl_complete()
        {
            local cur="${COMP_WORDS[COMP_CWORD]}" IFS=$'\n'
            local candidates
            candidates="$("${COMP_WORDS[0]}" "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)"
            COMPREPLY=( $(compgen -W "${candidates}" -- "${cur}") )
        }
        complete -o default -F _kioskctl_complete kioskctl

        """;

    public const string Zsh = "# kioskctl completion for zsh (through bash completion)\nautoload -U +X bashcompinit && bashcompinit\n" + Bash;
}
