using System.CommandLine;
using Kiln.Cli.Output;

namespace Kiln.Cli.Commands;

/// <summary><c>kiln completion bash|zsh|fish</c>: the shell completion script, generated from the command tree.</summary>
public static class CompletionCommand
{
    public static Command Create(Func<Command> root)
    {
        var shell = new Argument<string>("shell") { Description = "bash, zsh or fish" };
        shell.AcceptOnlyFromAmong([.. CompletionScripts.Shells]);
        var command = new Command("completion", "Print the shell completion script (bash: source <(kiln completion bash))") { shell };
        command.SetAction(result =>
        {
            Console.Out.Write(CompletionScripts.Render(result.GetValue(shell)!, CommandReference.Of(root())));
            return 0;
        });
        return command;
    }
}
