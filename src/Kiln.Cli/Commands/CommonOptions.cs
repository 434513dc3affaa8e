using System.CommandLine;
using Kiln.Cli.Output;

namespace Kiln.Cli.Commands;

/// <summary>Options several commands understand; only <c>--color</c> and <c>--debug</c> apply to every command.</summary>
public static class CommonOptions
{
    public static readonly Option<ColorMode> Color = new("--color")
    {
        Description = "Colored output: auto (on a terminal, unless NO_COLOR is set), always or never",
        DefaultValueFactory = _ => ColorMode.Auto,
        CustomParser = ParseColor,
        HelpName = "auto|always|never",
        Recursive = true,
    };

    public static readonly Option<bool> Debug = new("--debug")
    {
        Description = "Print the full debug log on standard error as well",
        Recursive = true,
    };

    /// <summary>Only on the commands that read manifests (build, validate, plan, summary, schema, doctor): the others load no plugins.</summary>
    public static Option<string[]> PluginPath() => new("--plugin-path")
    {
        Description = "A directory of plugin assemblies (repeatable; KILN_PLUGIN_PATH adds more, colon-separated)",
        HelpName = "DIR",
    };

    public static Option<bool> Json(string what) => new("--json") { Description = $"Print {what} as one JSON document on standard output (human output goes to standard error)" };

    public static Option<bool> Offline() => new("--offline") { Description = "Do not ask the Debian mirror anything (no network)" };

    private static ColorMode ParseColor(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[^1].Value;
        if (Enum.TryParse<ColorMode>(text, ignoreCase: true, out var mode) && !int.TryParse(text, out _))
        {
            return mode;
        }

        result.AddError($"--color takes auto, always or never, not `{text}`");
        return ColorMode.Auto;
    }
}
