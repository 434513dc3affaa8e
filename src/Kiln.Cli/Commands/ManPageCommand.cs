using System.CommandLine;
using System.Reflection;
using Kiln.Cli.Output;

namespace Kiln.Cli.Commands;

/// <summary>
/// <c>kiln manpage [--markdown]</c> (hidden): kiln(1) in roff, or the CLI reference page, from the command tree that
/// <c>--help</c> shows; the packaging script and docs/cli.md use it.
/// </summary>
public static class ManPageCommand
{
    public static Command Create(Func<Command> root)
    {
        var markdown = new Option<bool>("--markdown") { Description = "The CLI reference page (docs/cli.md) instead" };
        var command = new Command("manpage", "Print kiln(1) in roff") { markdown };
        command.Hidden = true;
        command.SetAction(result =>
        {
            var reference = CommandReference.Of(root());
            Console.Out.Write(result.GetValue(markdown) ? ReferencePage.Render(reference) : ManPage.Render(reference, Version));
            return 0;
        });
        return command;
    }

    /// <summary>The version <c>kiln --version</c> prints.</summary>
    public static string Version =>
        typeof(ManPageCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";
}
