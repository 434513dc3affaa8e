using System.CommandLine;
using Kiln.Cli.Output;
using Kiln.Extensions;

namespace Kiln.Cli.Commands;

/// <summary><c>kiln validate MANIFEST...</c>: checks manifests without building; every problem with file:line:column.</summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var manifests = new Argument<string[]>("manifest") { Description = "Manifest files (YAML or JSON) to check", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", "Check manifests against the schemas and rules, without building") { manifests };
        command.SetAction(result =>
        {
            var terminal = new Terminal(result.GetValue(CommonOptions.Color));
            var registry = Registries.Load(result);
            var failed = false;
            foreach (var path in result.GetValue(manifests)!)
            {
                try
                {
                    ManifestSource.Read(path, registry);
                    terminal.Plain($"{path}: valid");
                }
                catch (UserInputException exception)
                {
                    failed = true;
                    Console.Error.WriteLine(exception.Message);
                }
            }

            return failed ? 2 : 0;
        });
        return command;
    }
}
