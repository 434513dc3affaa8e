using System.CommandLine;
using Kiln.Cli.Output;
using Kiln.Host;
using Kiln.Manifests;
using Kiln.Packages;
using Newtonsoft.Json.Linq;

namespace Kiln.Cli.Commands;

/// <summary>
/// <c>kiln validate MANIFEST...</c>: checks manifests without building; every problem with file:line:column.
/// Unless <c>--offline</c>, it also asks the mirror whether it carries the release (a warning when it cannot be asked).
/// </summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var manifests = new Argument<string[]>("manifest") { Description = "Manifest files (YAML or JSON) to check", Arity = ArgumentArity.OneOrMore };
        var offline = CommonOptions.Offline();
        var json = CommonOptions.Json("every manifest with its errors (file, line, column, path, message)");
        var command = new Command("validate", "Check manifests against the schemas and rules, and the release against the mirror, without building") { manifests, offline, json, CommonOptions.PluginPath() };
        command.SetAction(async (result, cancellationToken) =>
        {
            var terminal = new Terminal(result.GetValue(CommonOptions.Color), toStandardError: result.GetValue(json));
            var registry = Registries.Load(result);
            var reports = new JArray();
            var failed = false;
            var hostMirror = result.GetValue(offline) ? null : HostAptConfiguration.ReadMirrors().Archive;
            foreach (var path in result.GetValue(manifests)!)
            {
                var errors = new List<ManifestError>();
                try
                {
                    var spec = ManifestSource.Read(path, registry);
                    if (!result.GetValue(offline) && await ReleaseAvailability.CheckAsync(spec.Manifest, ReleaseLocation(path), hostMirror, cancellationToken) is { } problem)
                    {
                        errors.Add(problem);
                    }
                }
                catch (ManifestException exception)
                {
                    errors.AddRange(exception.Errors);
                }
                catch (UserInputException exception)
                {
                    errors.Add(new ManifestError(new SourceLocation(path, 0, 0), exception.Message));
                }

                var valid = errors.All(e => e.IsWarning);
                failed |= !valid;
                foreach (var error in errors)
                {
                    SafeConsole.WriteError(error.IsWarning ? $"{error.Location}: warning: {error.Message}{(error.Hint is null ? string.Empty : $"\n    {error.Hint}")}" : Plain(error));
                }

                if (valid)
                {
                    terminal.Plain($"{path}: valid");
                }

                reports.Add(new JObject { ["file"] = path, ["valid"] = valid, ["errors"] = new JArray(errors.Select(ErrorJson.Of)) });
            }

            if (result.GetValue(json))
            {
                Console.Out.WriteLine(new JObject { ["valid"] = !failed, ["manifests"] = reports }.ToString(Newtonsoft.Json.Formatting.Indented));
            }

            return failed ? 2 : 0;
        });
        return command;
    }

    /// <summary>Error lines as before: a message that already starts with its file (no such file) is not prefixed again.</summary>
    private static string Plain(ManifestError error) =>
        error.Location.Line == 0 && error.Message.StartsWith(error.Location.File, StringComparison.Ordinal) ? error.Message : error.ToString();

    private static SourceLocation ReleaseLocation(string path)
    {
        var document = ManifestLoader.LoadFile(path);
        return document.LocationOf("system", "release");
    }
}
