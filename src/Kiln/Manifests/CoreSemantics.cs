using Kiln.Disks;
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
    };

    /// <summary>mkswap needs ten pages; a MiB covers every page size.</summary>
    private static readonly ByteSize MinimumSwapSize = ByteSize.FromMiB(1);

    public static IEnumerable<ManifestError> Check(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var document = manifest.Document;
        var errors = new List<ManifestError>();
        var release = manifest.System.Release;
        if (ReleaseCatalog.Find(release) is null)
        {
            errors.Add(document.ErrorAt(document.Root.SelectToken("system.release"),
                $"`{release}` is not a Debian release Kiln knows; use a codename ({string.Join(", ", ReleaseCatalog.Codenames)}) or a suite ({string.Join(", ", ReleaseCatalog.Suites.Keys)})"));
        }

        CheckVolume(manifest, errors);
        CheckFiles(manifest, errors);
        return errors;
    }

    private static void CheckVolume(Manifest manifest, List<ManifestError> errors)
    {
        var document = manifest.Document;
        var volume = manifest.Volume;
        var partitionsToken = document.Root.SelectToken("volume.partitions");
        var bootloaderToken = document.Root.SelectToken("system.bootloader") ?? document.Root.SelectToken("system");
        if (volume.PartitionMap == PartitionMapKind.None)
        {
            if (manifest.System.Bootloader == Bootloader.Grub)
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

        var layout = DiskLayoutCalculator.Calculate(volume, manifest.System.Bootloader, Guid.NewGuid);
        foreach (var partition in layout.Partitions.Where(p => p.Spec is not null))
        {
            var spec = partition.Spec!;
            var minimum = MinimumSizes[spec.Filesystem];
            if (partition.Size < minimum)
            {
                errors.Add(document.ErrorAt(partitionsToken?[spec.Key]?["size"],
                    $"partition `{spec.Key}` leaves {partition.Size.ToMiBText()} for its {spec.Filesystem.ToString().ToLowerInvariant()} filesystem after the partition table's share; it needs at least {minimum.ToMiBText()}"));
            }
        }

        if (layout.Swap is { } swap && swap.Size < MinimumSwapSize)
        {
            errors.Add(document.ErrorAt(partitionsToken?["swap"]?["size"],
                $"the swap partition leaves {swap.Size.ToMiBText()} after the partition table's share; it needs at least {MinimumSwapSize.ToMiBText()}"));
        }
    }

    private static void CheckFiles(Manifest manifest, List<ManifestError> errors)
    {
        var document = manifest.Document;
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
