using Kiln.Disks;
using Kiln.Specs;
using Newtonsoft.Json.Linq;

namespace Kiln.Manifests;

/// <summary>The checks of the core manifest that a schema cannot express.</summary>
public static class CoreSemantics
{
    /// <summary>Filesystems below these sizes cannot be created by their mkfs.</summary>
    private static readonly Dictionary<FilesystemKind, ByteSize> MinimumSizes = new()
    {
        [FilesystemKind.Ext2] = ByteSize.FromMiB(2),
        [FilesystemKind.Ext3] = ByteSize.FromMiB(4),
        [FilesystemKind.Ext4] = ByteSize.FromMiB(4),
        [FilesystemKind.Xfs] = ByteSize.FromMiB(300),
        [FilesystemKind.Btrfs] = ByteSize.FromMiB(128),

        // FAT32 needs 65525 clusters; Kiln makes the ESP FAT32, as the UEFI specification asks.
        [FilesystemKind.Vfat] = ByteSize.FromMiB(40),
    };

    /// <summary>mkswap needs ten pages; a MiB covers every page size.</summary>
    private static readonly ByteSize MinimumSwapSize = ByteSize.FromMiB(1);

    public static IEnumerable<ManifestError> Check(BuildSpec spec, ManifestDocument document)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(document);
        var manifest = spec.Manifest;
        var errors = new List<ManifestError>(CheckDocument(document));
        CheckVolume(spec, document, errors);
        CheckFiles(manifest, document, errors);
        return errors;
    }

    /// <summary>
    /// The checks that need only the manifest's text, not a resolved spec: they run even when a schema found
    /// errors, so that one run reports every mistake (an unknown release among them).
    /// </summary>
    public static IEnumerable<ManifestError> CheckDocument(ManifestDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Root.SelectToken("system.release") is JValue { Value: string release } token && ReleaseCatalog.Find(release) is null)
        {
            yield return document.ErrorAt(token, $"`{release}` is not a Debian release Kiln knows{ClosestName.Suggestion(release, ReleaseCatalog.AllNames)}") with
            {
                Hint = $"use a codename ({string.Join(", ", ReleaseCatalog.Codenames)}) or a suite ({string.Join(", ", ReleaseCatalog.Suites.Keys)})",
            };
        }
    }

    private static void CheckVolume(BuildSpec spec, ManifestDocument document, List<ManifestError> errors)
    {
        var manifest = spec.Manifest;
        var volume = manifest.Volume;
        var partitionsToken = document.Root.SelectToken("volume.partitions");
        var bootloaderToken = document.Root.SelectToken("system.bootloader") ?? document.Root.SelectToken("system");
        if (volume.PartitionMap == PartitionMapKind.None)
        {
            if (manifest.System.Bootloader == Bootloader.Grub && spec.Platform.Firmware == Platforms.Firmware.Bios)
            {
                errors.Add(document.ErrorAt(bootloaderToken, "grub cannot boot an unpartitioned disk (volume.partitions.type is none); use type msdos or gpt, or bootloader extlinux"));
            }

            foreach (var extra in volume.Partitions.Where(p => !p.IsRoot).Select(p => p.Key).Concat(volume.Swap is null ? [] : ["swap"]))
            {
                errors.Add(document.ErrorAt(partitionsToken?[extra], $"an unpartitioned disk holds only `root`; `{extra}` needs volume.partitions.type msdos or gpt"));
            }
        }

        if (manifest.System.Bootloader == Bootloader.Extlinux && volume.BootPartition.Filesystem == FilesystemKind.Xfs)
        {
            errors.Add(document.ErrorAt(partitionsToken?[volume.BootPartition.Key]?["filesystem"],
                "extlinux cannot read XFS; put /boot on ext2, ext3, ext4 or btrfs (a `boot` partition works), or use grub"));
        }

        if (volume.Esp is not null && !spec.Platform.BootsUefi)
        {
            errors.Add(document.ErrorAt(partitionsToken?[PartitionSpec.EspKey],
                $"an EFI system partition is for UEFI firmware, and this image boots {spec.Platform.Firmware.ToString().ToLowerInvariant()} with {spec.Platform.BootChain.Name}; set system.firmware to uefi or hybrid, or remove `esp`"));
        }

        if (spec.Layout is not { } layout)
        {
            return;
        }

        foreach (var partition in layout.Volumes.Where(p => p.Spec is not null))
        {
            var partitionSpec = partition.Spec!;
            var minimum = MinimumSizes[partitionSpec.Filesystem];
            if (partition.Size < minimum)
            {
                var what = partitionSpec.IsEsp ? "the EFI system partition's FAT filesystem" : $"its {partitionSpec.Filesystem.ToString().ToLowerInvariant()} filesystem";
                var entry = EntryToken(partitionsToken, partitionSpec.Key, partitionSpec.IsLogicalVolume);
                errors.Add(document.ErrorAt(entry?["size"] ?? partitionsToken,
                    partitionSpec.IsLogicalVolume
                        ? $"logical volume `{partitionSpec.Key}` leaves {partition.Size.ToMiBText()} for {what} after the other volumes and LVM's share; it needs at least {minimum.ToMiBText()}"
                        : $"partition `{partitionSpec.Key}` leaves {partition.Size.ToMiBText()} for {what} after the partition table's share; it needs at least {minimum.ToMiBText()}"));
            }
        }

        if (layout.Swap is { } swap && swap.Size < MinimumSwapSize)
        {
            var onLvm = swap.LogicalVolume is not null;
            errors.Add(document.ErrorAt(EntryToken(partitionsToken, "swap", onLvm)?["size"],
                $"the swap {(onLvm ? "logical volume" : "partition")} leaves {swap.Size.ToMiBText()} after {(onLvm ? "the other volumes and LVM's share" : "the partition table's share")}; it needs at least {MinimumSwapSize.ToMiBText()}"));
        }

        LvmSemantics.Check(spec, document, partitionsToken, errors);
    }

    /// <summary>The manifest entry of a partition, or of a logical volume in <c>lvm.logicalvolumes</c>.</summary>
    internal static JToken? EntryToken(JToken? partitionsToken, string key, bool logicalVolume) =>
        logicalVolume ? partitionsToken?[VolumeGroupSpec.Key]?["logicalvolumes"]?[key] : partitionsToken?[key];

    private static void CheckFiles(Manifest manifest, ManifestDocument document, List<ManifestError> errors)
    {
        var install = document.Root.SelectToken("packages.install") as JArray;
        for (var index = 0; index < manifest.Packages.Install.Count; index++)
        {
            var request = manifest.Packages.Install[index];
            if (request.LocalPath is { } path && !File.Exists(path))
            {
                errors.Add(document.ErrorAt(install?[index], $"the package file {path} does not exist"));
            }
        }

        var keys = document.Root.SelectToken("packages.trusted-keys") as JArray;
        for (var index = 0; index < manifest.Packages.TrustedKeys.Count; index++)
        {
            var key = manifest.Packages.TrustedKeys[index];
            if (!File.Exists(key))
            {
                errors.Add(document.ErrorAt(keys?[index], $"the key file {key} does not exist"));
            }
            else if (!key.EndsWith(".gpg", StringComparison.Ordinal) && !key.EndsWith(".asc", StringComparison.Ordinal))
            {
                errors.Add(document.ErrorAt(keys?[index], $"apt reads trusted keys only from files named *.gpg (binary) or *.asc (armored): {key}"));
            }
        }

        if (manifest.Bootstrapper.Keyring is { } keyring && !File.Exists(keyring))
        {
            errors.Add(document.ErrorAt(document.Root.SelectToken("bootstrapper.keyring"), $"the keyring {keyring} does not exist"));
        }
    }
}
