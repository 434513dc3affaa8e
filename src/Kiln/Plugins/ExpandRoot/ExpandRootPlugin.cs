using Kiln.Disks;
using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Plugins.ExpandRoot;

/// <summary>
/// bootstrap-vz's expand_root plugin: a unit that grows the root partition (growpart) and its filesystem
/// (resize2fs, xfs_growfs) to the disk at boot; a root on LVM grows through its volume group's partition, its
/// physical volume (pvresize) and its logical volume (lvextend). Its options default to what the manifest's layout says.
/// </summary>
public sealed class ExpandRootPlugin : Plugin<ExpandRootSettings>
{
    public const string PluginName = "expand_root";

    public override string Name => PluginName;

    public override ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin expand_root", typeof(ExpandRootPlugin).Assembly, "Plugins/ExpandRoot/manifest-schema.yml");

    public override ExpandRootSettings Bind(SettingsSection section) => ExpandRootSettings.Bind(section);

    protected override IEnumerable<ManifestError> Validate(BuildSpec spec, ExpandRootSettings settings)
    {
        var errors = new List<ManifestError>();
        if (spec.Layout is not { } layout)
        {
            errors.Add(new ManifestError(settings.Where.SectionKey, $"expand_root grows the root partition of a disk, and {spec.Provider.Name} images have no disk; remove expand_root"));
            return errors;
        }

        var root = layout.Root;
        var filesystem = root.Spec!.Filesystem.ToString().ToLowerInvariant();
        if (settings.FilesystemType is { } type && type != filesystem)
        {
            errors.Add(settings.Where.ErrorAt("filesystem_type",
                $"the root filesystem is {filesystem} (volume.partitions.root.filesystem), not {type}; set filesystem_type: {filesystem} or leave it out"));
        }

        // A root on LVM grows through its volume group's partition: the partition, then the physical volume, then the volume.
        var group = root.LogicalVolume is null ? null : layout.VolumeGroup;
        var grown = group?.PhysicalVolume ?? root;
        var what = group is null ? "the root filesystem is partition" : $"the root filesystem is on the volume group {group.Name}, whose physical volume is partition";
        if (settings.RootPartition is { } number)
        {
            if (layout.Map == PartitionMapKind.None)
            {
                errors.Add(settings.Where.ErrorAt("root_partition", "the disk has no partition table (volume.partitions.type: none), so the root filesystem fills the whole disk and there is no partition to grow; leave out root_partition"));
            }
            else if (number != grown.Number)
            {
                errors.Add(settings.Where.ErrorAt("root_partition", $"{what} {grown.Number} of this layout, not {number}; expand_root grows {(group is null ? "the root partition" : "that partition")} only, so set root_partition: {grown.Number} or leave it out"));
            }
        }

        var after = layout.Partitions.Where(p => p.Start > grown.Start && p.Role != PartitionRole.Extended).Select(p => p.Label).ToList();
        if (after.Count > 0)
        {
            errors.Add(new ManifestError(settings.Where.Section, group is null
                ? $"the root partition can only grow into the end of the disk, but {string.Join(", ", after)} come after it (partitions are placed boot, swap, root, then the others); give those filesystems a place below root or leave out expand_root"
                : $"the root is on LVM, and the volume group's partition can only grow into the end of the disk, but {string.Join(", ", after)} come after it (partitions are placed boot, swap, the volume group when it holds root, then the others); give those filesystems a place below it, or make them logical volumes, or leave out expand_root"));
        }

        return errors;
    }

    protected override void ResolveTasks(TaskSet tasks, BuildSpec spec, ExpandRootSettings settings) =>
        tasks.Add<AddGrowpartPackage>().Add<InstallExpandRootService>();
}
