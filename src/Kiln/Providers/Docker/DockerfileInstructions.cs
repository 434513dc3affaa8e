using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Kiln.Providers.Docker;

/// <summary>
/// Applies the Dockerfile instructions <c>docker import --change</c> takes (bootstrap-vz passed the manifest's
/// <c>dockerfile</c> lines that way) to a container config, as Docker reads them: CMD and ENTRYPOINT in JSON
/// (exec) form or shell form (run by <c>/bin/sh -c</c>), ENV and LABEL as <c>key=value</c> pairs (or ENV's
/// legacy <c>key value</c>), EXPOSE ports (tcp unless <c>/udp</c>), VOLUME as JSON or words.
/// </summary>
public static class DockerfileInstructions
{
    /// <summary>The config after every instruction, or the problem of the first one that is malformed, with its index.</summary>
    public static (ContainerConfig Config, (int Index, string Message)? Problem) Apply(ContainerConfig config, IReadOnlyList<string> instructions)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(instructions);
        for (var index = 0; index < instructions.Count; index++)
        {
            var line = instructions[index].Trim();
            var space = line.IndexOfAny([' ', '\t']);
            var keyword = space < 0 ? line : line[..space];
            var arguments = space < 0 ? string.Empty : line[(space + 1)..].Trim();
            if (arguments.Length == 0)
            {
                return (config, (index, $"{keyword} needs arguments"));
            }

            var (next, problem) = ApplyOne(config, keyword, arguments);
            if (problem is not null)
            {
                return (config, (index, $"{keyword}: {problem}"));
            }

            config = next;
        }

        return (config, null);
    }

    private static (ContainerConfig Config, string? Problem) ApplyOne(ContainerConfig config, string keyword, string arguments)
    {
        switch (keyword)
        {
            case "CMD":
            case "ENTRYPOINT":
                var (command, commandProblem) = Command(arguments);
                return commandProblem is not null ? (config, commandProblem) : (keyword == "CMD" ? config with { Cmd = command } : config with { Entrypoint = command }, null);
            case "USER":
                return (config with { User = arguments }, null);
            case "WORKDIR":
                return arguments.StartsWith('/') ? (config with { WorkingDir = arguments }, null) : (config, "the working directory must be an absolute path");
            case "MAINTAINER":
                return (config with { Author = arguments }, null);
            case "ONBUILD":
                return (config with { OnBuild = [.. config.OnBuild, arguments] }, null);
            case "ENV":
                return Pairs(arguments, legacyForm: true) is { } env
                    ? (config with { Env = Merge(config.Env, env.Select(p => $"{p.Key}={p.Value}")) }, null)
                    : (config, "expected NAME=value pairs (or NAME value)");
            case "LABEL":
                return Pairs(arguments, legacyForm: false) is { } labels
                    ? (config with { Labels = [.. config.Labels.Where(l => labels.All(n => n.Key != l.Key)), .. labels] }, null)
                    : (config, "expected key=value pairs");
            case "EXPOSE":
                var ports = new List<string>();
                foreach (var port in Words(arguments) ?? [])
                {
                    var (number, protocol) = port.Split('/') is [var n, var p] ? (n, p.ToLowerInvariant()) : (port, "tcp");
                    if (!ushort.TryParse(number, out var value) || value == 0 || protocol is not ("tcp" or "udp" or "sctp"))
                    {
                        return (config, $"`{port}` is not a port (NUMBER or NUMBER/tcp, /udp, /sctp)");
                    }

                    ports.Add($"{value}/{protocol}");
                }

                return (config with { ExposedPorts = [.. config.ExposedPorts, .. ports.Where(p => !config.ExposedPorts.Contains(p))] }, null);
            case "VOLUME":
                var volumes = arguments.StartsWith('[') ? JsonArray(arguments) : Words(arguments);
                return volumes is null || volumes.Count == 0 || volumes.Any(v => !v.StartsWith('/'))
                    ? (config, "expected absolute paths, as words or a JSON array")
                    : (config with { Volumes = [.. config.Volumes, .. volumes.Where(v => !config.Volumes.Contains(v))] }, null);
            default:
                return (config, "not an instruction docker import takes");
        }
    }

    /// <summary>Exec form (a JSON array of strings) as it is; shell form run by /bin/sh -c, as Docker does.</summary>
    private static (IReadOnlyList<string>? Command, string? Problem) Command(string arguments)
    {
        if (!arguments.StartsWith('['))
        {
            return (["/bin/sh", "-c", arguments], null);
        }

        return JsonArray(arguments) is { Count: > 0 } array ? (array, null) : (null, "the JSON form must be a non-empty array of strings, e.g. [\"/bin/bash\", \"-l\"]");
    }

    private static List<string>? JsonArray(string text)
    {
        try
        {
            return JToken.Parse(text) is JArray array && array.All(t => t.Type == JTokenType.String) ? [.. array.Select(t => (string)t!)] : null;
        }
        catch (JsonReaderException)
        {
            return null;
        }
    }

    private static List<KeyValuePair<string, string>>? Pairs(string arguments, bool legacyForm)
    {
        var words = Words(arguments);
        if (words is null || words.Count == 0)
        {
            return null;
        }

        if (!words[0].Contains('=', StringComparison.Ordinal))
        {
            // ENV NAME value with spaces: the legacy form sets one variable to the rest of the line.
            var rest = arguments[words[0].Length..].Trim();
            return legacyForm && rest.Length > 0 ? [new(words[0], rest)] : null;
        }

        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var word in words)
        {
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return null;
            }

            pairs.Add(new(word[..equals], word[(equals + 1)..]));
        }

        return pairs;
    }

    private static List<string> Merge(IReadOnlyList<string> env, IEnumerable<string> set)
    {
        var result = env.ToList();
        foreach (var entry in set)
        {
            var name = entry[..(entry.IndexOf('=', StringComparison.Ordinal) + 1)];
            var at = result.FindIndex(e => e.StartsWith(name, StringComparison.Ordinal));
            if (at >= 0)
            {
                result[at] = entry;
            }
            else
            {
                result.Add(entry);
            }
        }

        return result;
    }

    /// <summary>Words split at blanks, with "double" and 'single' quotes and backslash escapes as a Dockerfile has them; null when a quote is not closed.</summary>
    private static List<string>? Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is null && char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }

                continue;
            }

            inWord = true;
            if (c == '\\' && quote != '\'' && i + 1 < text.Length)
            {
                word.Append(text[++i]);
            }
            else if (quote is null && c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == quote)
            {
                quote = null;
            }
            else
            {
                word.Append(c);
            }
        }

        if (quote is not null)
        {
            return null;
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
