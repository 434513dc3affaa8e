using System.CommandLine;
using System.CommandLine.Help;
using Kiln;
using Kiln.Cli;
using Kiln.Cli.Commands;
using Kiln.Cli.Output;

using var interruption = new Interruption();

// A named root rather than RootCommand, whose name would be that of the assembly (`kiln` is what users type).
var root = new Command("kiln", "Kiln builds bootable Debian disk images for virtual machines and clouds from one YAML manifest.")
{
    new HelpOption(),
    new VersionOption(),
    CommonOptions.Color,
    CommonOptions.Debug,
    CommonOptions.PluginPath,
};
root.Subcommands.Add(BuildCommand.Create(interruption));
root.Subcommands.Add(ValidateCommand.Create());
root.Subcommands.Add(PlanCommand.Create());
root.Subcommands.Add(DoctorCommand.Create(interruption));
root.Subcommands.Add(BootCommand.Create(interruption));
root.Subcommands.Add(TestCommand.Create(interruption));

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        Terminal.Error(error.Message);
    }

    Console.Error.WriteLine("kiln: see `kiln --help`");
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
