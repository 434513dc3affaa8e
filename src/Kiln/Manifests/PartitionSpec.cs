using Kiln.Disks;

namespace Kiln.Manifests;

/// <summary>One formatted partition of <c>volume.partitions</c>: its key (<c>root</c>, <c>boot</c>, <c>var/tmp</c>) and settings.</summary>
public sealed record PartitionSpec
{
    public required string Key { get; init; }

    public required ByteSize Size { get; init; }

    public required FilesystemKind Filesystem { get; init; }

    public IReadOnlyList<string>? FormatCommand { get; init; }

    public IReadOnlyList<string> MountOptions { get; init; } = [];

    /// <summary>Octal mode of the filesystem's top directory, e.g. 1777 for /tmp.</summary>
    public string? Mode { get; init; }

    /// <summary>Where the partition is mounted: <c>/</c> for root, otherwise <c>/</c> plus the key.</summary>
    public string MountPoint => Key == "root" ? "/" : "/" + Key;

    public bool IsRoot => Key == "root";
}
