using System.Globalization;
using System.Text.RegularExpressions;
using Kiln.Manifests;
using Newtonsoft.Json.Linq;

namespace Kiln.Remote;

/// <summary>Reads one host of a hosts file: Kiln's keys and bootstrap-vz's, each checked with a message that says what to write.</summary>
internal sealed partial class HostEntryReader(ManifestDocument document, List<ManifestError> errors, string? home)
{
    private static readonly string[] KnownKeys = ["name", "address", "username", "port", "keyfile", "workspace", "can_bootstrap", "environment", "type", "release", "server_bin"];

    private static readonly Dictionary<string, string> RefusedKeys = new(StringComparer.Ordinal)
    {
        ["password"] = "Kiln logs in with keys only (ssh in batch mode); remove `password` and give a `keyfile` or load the key into your ssh-agent",
        ["build_settings"] = "`build_settings` is not supported; put those values into the manifest (for example plugins.apt_proxy)",
        ["run_settings"] = "`run_settings` is not supported; Kiln boots test images on the machine that runs `kiln test`",
    };

    /// <summary>The host, or null when it has errors (they are added to the list).</summary>
    public BuildHost? Read(JToken entry, string? mappingName)
    {
        if (entry is not JObject host)
        {
            return Fail<BuildHost>(entry, "each host is a mapping with at least `address: user@server`");
        }

        var before = errors.Count;
        foreach (var property in host.Properties())
        {
            if (RefusedKeys.TryGetValue(property.Name, out var refusal))
            {
                Error(property, refusal);
            }
            else if (!KnownKeys.Contains(property.Name, StringComparer.Ordinal) || (property.Name == "name" && mappingName is not null))
            {
                Error(property, $"unknown key `{property.Name}`; a host has {string.Join(", ", KnownKeys.Where(k => k != "name" || mappingName is null))}");
            }
        }

        CheckType(host);
        var destination = ReadDestination(host);
        var name = mappingName ?? Text(host, "name") ?? destination?.Host;
        var keyFile = Text(host, "keyfile") is { } key ? LocalPath(key) : null;
        var workspace = Text(host, "workspace");
        if (workspace is not null && !workspace.StartsWith('/'))
        {
            Error(host["workspace"]!, $"the workspace `{workspace}` is a path on the server and must be absolute, such as /var/tmp/kiln");
        }

        var canBootstrap = ReadProviders(host);
        var environment = ReadEnvironment(host);
        if (errors.Count > before || destination is null || name is null)
        {
            return null;
        }

        return new BuildHost { Name = name, Destination = destination, KeyFile = keyFile, Workspace = workspace, CanBootstrap = canBootstrap, Environment = environment };
    }

    private void CheckType(JObject host)
    {
        switch (Text(host, "type"))
        {
            case null or "ssh":
                break;
            case "local":
                Error(host["type"]!, "`type: local` builds on this machine; run kiln build without --hosts for that, and list only SSH servers here");
                break;
            case var other:
                Error(host["type"]!, $"`type: {other}` is not known; a build host is reached with `type: ssh` (the default)");
                break;
        }
    }

    private SshDestination? ReadDestination(JObject host)
    {
        if (Text(host, "address") is not { } address)
        {
            return host["address"] is null ? Fail<SshDestination>(host, "a host needs an `address` (user@server, server or an alias of your SSH configuration)") : null;
        }

        SshDestination? destination;
        try
        {
            destination = SshDestination.Parse(address);
        }
        catch (UserInputException exception)
        {
            return Fail<SshDestination>(host["address"]!, exception.Message);
        }

        if (Text(host, "username") is { } user)
        {
            destination = destination.User is null ? destination with { User = user } : Fail<SshDestination>(host["username"]!, "the user is given twice: in `address` and in `username`; keep one");
        }

        if (host["port"] is { } portToken)
        {
            if (portToken is not JValue { Value: long port } || port is < 1 or > 65535)
            {
                return Fail<SshDestination>(portToken, "`port` is a number from 1 to 65535");
            }

            destination = destination is null ? null : destination.Port is null ? destination with { Port = (int)port } : Fail<SshDestination>(portToken, "the port is given twice: in `address` and in `port`; keep one");
        }

        return destination;
    }

    private List<string>? ReadProviders(JObject host)
    {
        if (host["can_bootstrap"] is not { } token)
        {
            return null;
        }

        if (token is not JArray list || list.Count == 0 || list.Any(item => item.Type != JTokenType.String))
        {
            return Fail<List<string>>(token, "`can_bootstrap` is a list of provider names, such as [kvm]; leave it out for a host that builds for every provider");
        }

        return [.. list.Select(item => (string)item!)];
    }

    private Dictionary<string, string> ReadEnvironment(JObject host)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (host["environment"] is not { } token)
        {
            return environment;
        }

        if (token is not JObject variables)
        {
            Error(token, "`environment` is a mapping of variable names to values, such as {KILN_CACHE_DIR: /srv/kiln-cache}");
            return environment;
        }

        foreach (var variable in variables.Properties())
        {
            if (!VariableName().IsMatch(variable.Name))
            {
                Error(variable, $"`{variable.Name}` is not an environment variable name (letters, digits and _, not starting with a digit)");
            }
            else if (variable.Value is JValue { Value: { } value } && variable.Value.Type != JTokenType.Boolean)
            {
                environment[variable.Name] = Convert.ToString(value, CultureInfo.InvariantCulture)!;
            }
            else
            {
                Error(variable.Value, $"the value of {variable.Name} is a string or a number");
            }
        }

        return environment;
    }

    private string LocalPath(string path) =>
        path == "~" || path.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(home ?? "/", path.Length > 2 ? path[2..] : string.Empty)
            : Path.GetFullPath(path, document.Directory);

    private string? Text(JObject host, string key)
    {
        var token = host[key];
        if (token is null or { Type: JTokenType.Null })
        {
            return null;
        }

        if (token is JValue { Type: JTokenType.String } value && ((string)value!).Length > 0)
        {
            return (string)value!;
        }

        Error(token, $"`{key}` is a non-empty string");
        return null;
    }

    private T? Fail<T>(JToken token, string message)
        where T : class
    {
        Error(token, message);
        return null;
    }

    private void Error(JToken token, string message) => errors.Add(new ManifestError(document.LocationOf(token), message));

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();
}
