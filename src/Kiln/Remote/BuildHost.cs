namespace Kiln.Remote;

/// <summary>A machine builds run on, reached over SSH: from <c>--host</c> or one entry of a hosts file.</summary>
public sealed record BuildHost
{
    /// <summary>What the host is called in progress lines and the summary.</summary>
    public required string Name { get; init; }

    public required SshDestination Destination { get; init; }

    /// <summary>The private key ssh logs in with (<c>-i</c>); null: the user's SSH configuration and agent decide.</summary>
    public string? KeyFile { get; init; }

    /// <summary>The workspace on the server (absolute); null: the manifest's own, or Kiln's default.</summary>
    public string? Workspace { get; init; }

    /// <summary>The providers this host builds images for (bootstrap-vz's <c>can_bootstrap</c>); null: every provider.</summary>
    public IReadOnlyList<string>? CanBootstrap { get; init; }

    /// <summary>Environment variables the build on the server gets (KILN_CACHE_DIR, KILN_PLUGIN_PATH, a proxy ...).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public bool CanBuild(string provider) => CanBootstrap is null || CanBootstrap.Contains(provider, StringComparer.Ordinal);

    /// <summary>The host of <c>--host DESTINATION</c>: named after the destination, everything else from the user's SSH configuration.</summary>
    public static BuildHost FromDestination(string text, string? workspace)
    {
        var destination = SshDestination.Parse(text);
        return new BuildHost { Name = destination.Host, Destination = destination, Workspace = workspace };
    }
}
