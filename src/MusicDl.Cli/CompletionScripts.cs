namespace MusicDl.Cli;

/// <summary>
/// The completion scripts. Each passes the command line typed so far (without the program name) and the cursor
/// position to <c>musicdl "[suggest:N]" "line"</c> and offers what it prints, one candidate a line.
/// </summary>
internal static class CompletionScripts
{
    public static IReadOnlyList<string> Shells { get; } = ["bash", "zsh", "fish", "pwsh"];

    public static string For(string shell) => shell switch
    {
        "bash" => Bash,
        "zsh" => Zsh,
        "fish" => Fish,
        "pwsh" => Pwsh,
        _ => throw new ArgumentOutOfRangeException(nameof(shell), shell, "unknown shell"),
    };

    private const string Bash = """
        # musicdl completion for bash: eval "$(musicdl completion bash)" in ~/.bashrc,
        # or save as ~/.local/share/bash-completion/completions/musicdl
        _musicdl_complete() {
            local line="${COMP_LINE:0:COMP_POINT}" IFS=$'\n'
            local rest="${line#*"${COMP_WORDS[0]}"}"
            rest="${rest#"${rest%%[![:space:]]*}"}"
            local cur="${COMP_WORDS[COMP_CWORD]}"
            [[ "$cur" == "=" || "$cur" == ":" ]] && cur=""
            COMPREPLY=($(compgen -W "$("${COMP_WORDS[0]}" "[suggest:${#rest}]" "$rest" 2>/dev/null)" -- "$cur"))
        }
        complete -o default -F _musicdl_complete musicdl

        """;

    private const string Zsh = """
        #compdef musicdl
        # musicdl completion for zsh: eval "$(musicdl completion zsh)" in ~/.zshrc (after compinit),
        # or save as _musicdl in a folder of $fpath
        _musicdl() {
            local line="${BUFFER[1,CURSOR]}"
            local rest="${line#*${words[1]}}"
            rest="${rest#"${rest%%[! ]*}"}"
            local -a candidates
            candidates=("${(@f)$(${words[1]} "[suggest:${#rest}]" "$rest" 2>/dev/null)}")
            compadd -a candidates
        }
        compdef _musicdl musicdl

        """;

    private const string Fish = """
        # musicdl completion for fish: musicdl completion fish > ~/.config/fish/completions/musicdl.fish
        function __musicdl_complete
            set -l rest (string replace -r '^\s*\S+\s*' '' -- (commandline -cp))
            musicdl "[suggest:"(string length -- "$rest")"]" "$rest" 2>/dev/null
        end
        complete -c musicdl -f -a '(__musicdl_complete)'

        """;

    private const string Pwsh = """
        # musicdl completion for PowerShell: musicdl completion pwsh | Out-String | Invoke-Expression (in $PROFILE)
        Register-ArgumentCompleter -Native -CommandName musicdl -ScriptBlock {
            param($wordToComplete, $commandAst, $cursorPosition)
            $line = $commandAst.ToString()
            $upTo = $cursorPosition - $commandAst.Extent.StartOffset
            $text = $line.PadRight($upTo).Substring(0, $upTo)
            $rest = $text -replace '^\s*\S+\s*', ''
            musicdl "[suggest:$($rest.Length)]" "$rest" 2>$null | ForEach-Object {
                [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
            }
        }

        """;
}
