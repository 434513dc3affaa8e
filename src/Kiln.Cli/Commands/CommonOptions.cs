using System.CommandLine;
using Kiln.Cli.Output;

namespace Kiln.Cli.Commands;

/// <summary>Options every command understands.</summary>
public static class CommonOptions
{
    public static readonly Option<ColorMode> Color = new("--color")
    {
        Description = "Colored output: auto (on a terminal, unless NO_COLOR is set), always or never",
        DefaultValueFactory = _ => ColorMode.Auto,
        Recursive = true,
    };

    public static readonly Option<string[]> PluginPath = new("--plugin-path")
    {
        Description = "A directory of plugin assemblies (repeatable; KILN_PLUGIN_PATH adds more, colon-separated)",
        Recursive = true,
    };

    public static readonly Option<bool> Debug = new("--debug")
    {
        Description = "Print the full debug log on standard error as well",
        Recursive = true,
    };
}
