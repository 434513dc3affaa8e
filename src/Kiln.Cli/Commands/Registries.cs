using System.CommandLine;
using Kiln.Extensions;

namespace Kiln.Cli.Commands;

/// <summary>The providers and plugins of one kiln run: the built-in ones and those on the plugin path.</summary>
public static class Registries
{
    public static ExtensionRegistry Load(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var option = result.CommandResult.Command.Options.OfType<Option<string[]>>().FirstOrDefault(o => o.Name == "--plugin-path");
        var given = option is null ? [] : result.GetValue(option) ?? [];
        var registry = ExtensionRegistry.CreateDefault();
        var directories = PluginAssemblies.Directories(given, Environment.GetEnvironmentVariable(PluginAssemblies.EnvironmentVariable));
        PluginAssemblies.LoadInto(registry, directories, message => Console.Error.WriteLine($"kiln: warning: {message}"));
        return registry;
    }
}
