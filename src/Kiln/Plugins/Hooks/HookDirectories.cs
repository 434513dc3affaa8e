using System.Text.RegularExpressions;

namespace Kiln.Plugins.Hooks;

/// <summary>
/// Finds the hook scripts of the manifest's directories: files named with a two-digit order prefix
/// (<c>10-site</c>); other files are ignored. 00-09 and 90-99 are reserved for Kiln's own hooks.
/// </summary>
public static partial class HookDirectories
{
    /// <summary>The scripts in run order, and the problems found, each with the index of the directory it is about.</summary>
    public static (IReadOnlyList<HookScript> Scripts, IReadOnlyList<(int Directory, string Problem)> Problems) Scan(IReadOnlyList<string> directories)
    {
        ArgumentNullException.ThrowIfNull(directories);
        var scripts = new Dictionary<string, HookScript>(StringComparer.Ordinal);
        var problems = new List<(int, string)>();
        for (var index = 0; index < directories.Count; index++)
        {
            var directory = directories[index];
            if (!Directory.Exists(directory))
            {
                problems.Add((index, $"the hook directory {directory} does not exist"));
                continue;
            }

            foreach (var path in Directory.GetFiles(directory).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(path);
                if (!HookName().IsMatch(name))
                {
                    continue;
                }

                var script = new HookScript(name, path);
                if (script.Order is < 10 or >= 90)
                {
                    problems.Add((index, $"the hook {path} uses the order {name[..2]}; 00-09 and 90-99 are reserved for Kiln's own hooks, use 10-89"));
                }
                else if ((File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) == UnixFileMode.None)
                {
                    problems.Add((index, $"the hook {path} is not executable; chmod +x it"));
                }
                else if (scripts.TryGetValue(name, out var other))
                {
                    problems.Add((index, $"the hook {name} is in two directories: {other.Path} and {path}"));
                }
                else
                {
                    scripts[name] = script;
                }
            }
        }

        return ([.. scripts.Values.OrderBy(s => s.Name, StringComparer.Ordinal)], problems);
    }

    [GeneratedRegex(@"^[0-9]{2}-[^\s/]+$")]
    private static partial Regex HookName();
}
