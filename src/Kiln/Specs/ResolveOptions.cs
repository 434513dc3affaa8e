namespace Kiln.Specs;

/// <summary>What the command line adds to a manifest when it is resolved.</summary>
public sealed record ResolveOptions
{
    /// <summary>Where the outputs go; the manifest's workspace when null.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Replaces <c>bootstrapper.workspace</c> (<c>--workspace</c>).</summary>
    public string? Workspace { get; init; }

    /// <summary>The build host's architecture as <c>uname -m</c> names it (tests fix it, so plans do not depend on where they run).</summary>
    public string HostMachine { get; init; } = VirtualMachines.HostMachine.Name;

    /// <summary>The environment's SOURCE_DATE_EPOCH (seconds), which wins over the manifest's <c>bootstrapper.source_date_epoch</c>.</summary>
    public long? SourceDateEpoch { get; init; }

    /// <summary>
    /// Hands out every identifier of the layout in turn (tests fix them this way); when null they are derived from
    /// the manifest (<see cref="Disks.DiskIdentifiers.DerivedFrom"/>), the same for every build of it.
    /// </summary>
    public Func<Guid>? NewUuid { get; init; }

    /// <summary>The automatic cache (null: off, e.g. <c>--no-cache</c>); the manifest can turn it off too.</summary>
    public Caching.TreeCacheSettings? TreeCache { get; init; }

    /// <summary>
    /// A store of trees for this run only (several manifests in one <c>kiln build</c>), used when the cache is
    /// off, so that builds with one bootstrap still share it.
    /// </summary>
    public Caching.TreeCacheSettings? RunTrees { get; init; }

    /// <summary>The host's available memory (MemAvailable), or null when unknown: then a build never goes into memory on its own (nor in a run whose builds in memory would not fit together: <see cref="Builds.ConcurrentBuildMemory"/>).</summary>
    public Disks.ByteSize? AvailableMemory { get; init; }
}
