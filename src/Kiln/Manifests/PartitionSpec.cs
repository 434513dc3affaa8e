using Kiln.Disks;

namespace Kiln.Manifests;

/// <summary>
/// One filesystem of <c>volume.partitions</c>: its key (<c>root</c>, <c>boot</c>, <c>var/tmp</c>) and settings. It is
/// a partition, or a logical volume of the volume group in <c>volume.partitions.lvm</c> when it has a <see cref="LogicalVolume"/> name.
/// </summary>
public sealed record PartitionSpec
{
    public required string Key { get; init; }

    public required ByteSize Size { get; init; }

    public required FilesystemKind Filesystem { get; init; }

    public IReadOnlyList<string>? FormatCommand { get; init; }

    public IReadOnlyList<string> MountOptions { get; init; } = [];

    /// <summary>Octal mode of the filesystem's top directory, e.g. 1777 for /tmp.</summary>
    public string? Mode { get; init; }

    /// <summary>The logical volume's name when the filesystem lives in the image's volume group, else null (a partition).</summary>
    public string? LogicalVolume { get; init; }

    public bool IsLogicalVolume => LogicalVolume is not null;

    /// <summary>Where the entry is written in the manifest, for messages: <c>volume.partitions.var</c>, <c>volume.partitions.lvm.logicalvolumes.var</c>.</summary>
    public string ManifestPath => IsLogicalVolume ? $"volume.partitions.{VolumeGroupSpec.Key}.logicalvolumes.{Key}" : $"volume.partitions.{Key}";

    /// <summary>The key of the EFI system partition in <c>volume.partitions</c>; it is mounted at /boot/efi.</summary>
    public const string EspKey = "esp";

    public const string EspMountPoint = "/boot/efi";

    /// <summary>Where the partition is mounted: <c>/</c> for root, /boot/efi for the ESP, otherwise <c>/</c> plus the key.</summary>
    public string MountPoint => Key switch
    {
        "root" => "/",
        EspKey => EspMountPoint,
        _ => "/" + Key,
    };

    public bool IsRoot => Key == "root";

    public bool IsEsp => Key == EspKey;

    /// <summary>The EFI system partition of a layout: FAT, mounted at /boot/efi, readable by root only; its device is waited for 5 min (udev under emulation can take longer than systemd's 90 s).</summary>
    public static PartitionSpec Esp(ByteSize size) => new() { Key = EspKey, Size = size, Filesystem = FilesystemKind.Vfat, MountOptions = ["umask=0077", "x-systemd.device-timeout=5min"] };
}
