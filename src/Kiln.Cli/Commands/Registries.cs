using System.CommandLine;
using Kiln.Cli.Output;
using Kiln.Extensions;

namespace Kiln.Cli.Commands;

/// <summary>The providers and plugins of one kiln run: the built-in ones and those on the plugin path.</summary>
public static class Registries
{
    public static ExtensionRegistry Load(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var registry = ExtensionRegistry.CreateDefault();
        var directories = PluginAssemblies.Directories(result.GetValue(CommonOptions.PluginPath) ?? [], Environment.GetEnvironmentVariable(PluginAssemblies.EnvironmentVariable));
        PluginAssemblies.LoadInto(registry, directories, message => Console.Error.WriteLine($"kiln: warning: {message}"));
        return registry;
    }
}
