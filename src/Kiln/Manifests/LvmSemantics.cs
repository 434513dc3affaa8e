using Kiln.Specs;
using Newtonsoft.Json.Linq;

namespace Kiln.Manifests;

/// <summary>
/// The checks of LVM in a manifest: the image's volume group holds its logical volumes, /boot is where the
/// bootloader can read it, and <c>backing: lvm</c> names the build host's volume group and the new volume.
/// </summary>
public static class LvmSemantics
{
    public static void Check(BuildSpec spec, ManifestDocument document, JToken? partitionsToken, ICollection<ManifestError> errors)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(errors);
        CheckBacking(spec.Manifest.Volume, document, errors);
        var layout = spec.RequireLayout();
        if (layout.VolumeGroup is not { } group)
        {
            return;
        }

        var groupToken = partitionsToken?[VolumeGroupSpec.Key];
        if (group.UsedExtents > group.ExtentCount)
        {
            var extent = group.ExtentSize.Bytes >> 20;
            errors.Add(document.ErrorAt(groupToken?["size"] ?? groupToken,
                $"the logical volumes of `{group.Name}` take {group.UsedExtents * extent} MiB in {extent} MiB extents, but its partition holds {group.ExtentCount * extent} MiB of extents after LVM's share; make `lvm.size` larger, or the volumes smaller"));
        }

        var boot = layout.Boot;
        var bootloader = spec.Manifest.System.Bootloader;
        if (boot.LogicalVolume is not null && bootloader is Bootloader.Grub or Bootloader.Extlinux)
        {
            var reason = bootloader == Bootloader.Grub
                ? "GRUB's core image would need its lvm module to read a logical volume, and Kiln builds it without"
                : "extlinux reads partitions only";
            var entry = CoreSemantics.EntryToken(partitionsToken, boot.Spec!.Key, logicalVolume: true);
            errors.Add(document.ErrorAt((entry?.Parent as JProperty) ?? entry,
                boot.Spec.IsRoot
                    ? $"root is a logical volume, so /boot needs a partition of its own ({reason}); add one to volume.partitions, e.g. `boot: {{filesystem: ext2, size: 256MiB}}`"
                    : $"/boot is a logical volume here, but it must be a partition ({reason}); move `boot` from `lvm.logicalvolumes` to volume.partitions"));
        }
    }

    private static void CheckBacking(VolumeSection volume, ManifestDocument document, ICollection<ManifestError> errors)
    {
        if (volume.IsLogicalVolumeBacking)
        {
            if (volume.BackingVolumeGroup is null || volume.BackingLogicalVolume is null)
            {
                errors.Add(document.ErrorAt(document.Root.SelectToken("volume.backing"),
                    "backing lvm writes the disk onto a new logical volume of the build host; name its volume group and the volume with `volumegroup` and `logicalvolume` in `volume`"));
            }

            return;
        }

        foreach (var key in new[] { "volumegroup", "logicalvolume" })
        {
            if (document.Root.SelectToken($"volume.{key}") is { } token)
            {
                errors.Add(document.ErrorAt(token.Parent, $"`volume.{key}` is for backing lvm (the disk on a logical volume of the build host); this image's backing is {volume.Backing}"));
            }
        }
    }
}
