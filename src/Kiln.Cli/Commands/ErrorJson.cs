using Kiln.Manifests;
using Newtonsoft.Json.Linq;

namespace Kiln.Cli.Commands;

/// <summary>One manifest problem as JSON: file, line, column, path, message, hint and severity.</summary>
public static class ErrorJson
{
    public static JObject Of(ManifestError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new JObject
        {
            ["file"] = error.Location.File,
            ["line"] = error.Location.Line,
            ["column"] = error.Location.Column,
            ["path"] = error.Path,
            ["message"] = error.Message,
            ["hint"] = error.Hint,
            ["severity"] = error.IsWarning ? "warning" : "error",
        };
    }
}
