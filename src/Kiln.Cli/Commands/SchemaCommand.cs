using System.CommandLine;
using Kiln.Builds;
using Kiln.Manifests;

namespace Kiln.Cli.Commands;

/// <summary>
/// <c>kiln schema</c>: the merged JSON Schema of manifests (core, every provider, every plugin, those on the plugin
/// path included), for yaml-language-server and other editors and validators.
/// </summary>
public static class SchemaCommand
{
    public static Command Create()
    {
        var command = new Command("schema", "Print the JSON Schema of manifests (core, every provider and plugin) for editors and validators") { CommonOptions.PluginPath() };
        command.SetAction(result =>
        {
            var registry = Registries.Load(result);
            var schema = EditorSchema.Create(
                ManifestReader.Core,
                registry.Providers.Select(p => (p.Name, p.Schema)),
                registry.Plugins.Select(p => (p.Name, p.Schema)));
            Console.Out.WriteLine(schema.ToString(Newtonsoft.Json.Formatting.Indented));
            return 0;
        });
        return command;
    }
}
