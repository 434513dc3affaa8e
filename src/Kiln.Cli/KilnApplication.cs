using System.CommandLine;
using System.CommandLine.Help;
using Kiln.Cli.Commands;
using Kiln.Cli.Output;

namespace Kiln.Cli;

/// <summary>The kiln command tree and one run of it: parse, refuse bad arguments in words, invoke, map errors to exit codes.</summary>
public static class KilnApplication
{
    public const string Description = "Kiln builds bootable Debian disk images for virtual machines and clouds from one YAML manifest.";

    public static Command CreateRoot(Interruption interruption)
    {
        // A named root rather than RootCommand, whose name would be that of the assembly (`kiln` is what users type).
        var root = new Command("kiln", Description)
        {
            new HelpOption(),
            new VersionOption(),
            CommonOptions.Color,
            CommonOptions.Debug,
        };
        root.Subcommands.Add(BuildCommand.Create(interruption));
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(PlanCommand.Create());
        root.Subcommands.Add(SummaryCommand.Create());
        root.Subcommands.Add(DoctorCommand.Create(interruption));
        root.Subcommands.Add(CleanCommand.Create(interruption));
        root.Subcommands.Add(PublishCommand.Create(interruption));
        root.Subcommands.Add(BootCommand.Create(interruption));
        root.Subcommands.Add(TestCommand.Create(interruption));
        root.Subcommands.Add(SchemaCommand.Create());
        root.Subcommands.Add(CompletionCommand.Create(() => root));
        root.Subcommands.Add(ManPageCommand.Create(() => root));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, Interruption interruption)
    {
        ArgumentNullException.ThrowIfNull(interruption);
        SchemaWarmUp.StartFor(args);
        var root = CreateRoot(interruption);
        var parsed = root.Parse(args);
        var problems = CommandLineProblems.Find(parsed, args);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                Terminal.Error(problem);
            }

            var verb = parsed.CommandResult.Command == root ? "kiln" : $"kiln {parsed.CommandResult.Command.Name}";
            SafeConsole.WriteError($"kiln: see `{verb} --help`");
            return 2;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false }, interruption.Token);
        }
        catch (OperationCanceledException) when (interruption.Happened)
        {
            Terminal.Error("interrupted");
            return 130;
        }
        catch (KilnException exception)
        {
            Terminal.Error(exception.Message);
            return exception.ExitCode;
        }
    }
}
