using Kiln.Disks;
using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Tasks;

namespace Kiln.Plugins.ExpandRoot;

/// <summary>
/// bootstrap-vz's expand_root plugin: a unit that grows the root partition (growpart) and its filesystem
/// (resize2fs, xfs_growfs) to the disk at boot. Its options default to what the manifest's layout says.
/// </summary>
public sealed class ExpandRootPlugin : IPlugin
{
    public const string PluginName = "expand_root";

    public string Name => PluginName;

    public ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin expand_root", typeof(ExpandRootPlugin).Assembly, "Plugins/ExpandRoot/manifest-schema.yml");

    public IEnumerable<ManifestError> Validate(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var layout = DiskLayoutCalculator.Calculate(manifest.Volume, manifest.System.Bootloader, Guid.NewGuid);
        var document = manifest.Document;
        var settings = ExpandRootSettings.From(manifest);
        var errors = new List<ManifestError>();
        var root = layout.Root;
        var filesystem = root.Spec!.Filesystem.ToString().ToLowerInvariant();
        if (settings.FilesystemType is { } type && type != filesystem)
        {
            errors.Add(document.ErrorAt(document.Root.SelectToken("plugins.expand_root.filesystem_type"),
                $"the root filesystem is {filesystem} (volume.partitions.root.filesystem), not {type}; set filesystem_type: {filesystem} or leave it out"));
        }

        if (settings.RootPartition is { } number)
        {
            var token = document.Root.SelectToken("plugins.expand_root.root_partition");
            if (layout.Map == PartitionMapKind.None)
            {
                errors.Add(document.ErrorAt(token, "the disk has no partition table (volume.partitions.type: none), so the root filesystem fills the whole disk and there is no partition to grow; leave out root_partition"));
            }
            else if (number != root.Number)
            {
                errors.Add(document.ErrorAt(token, $"the root filesystem is partition {root.Number} of this layout, not {number}; expand_root grows the root partition only, so set root_partition: {root.Number} or leave it out"));
            }
        }

        var after = layout.Partitions.Where(p => p.Start > root.Start && p.Role != PartitionRole.Extended).Select(p => p.Label).ToList();
        if (after.Count > 0)
        {
            errors.Add(document.ErrorAt(document.Root.SelectToken("plugins.expand_root"),
                $"the root partition can only grow into the end of the disk, but {string.Join(", ", after)} come after it (partitions are placed boot, swap, root, then the others); give those filesystems a place below root or leave out expand_root"));
        }

        return errors;
    }

    public void ResolveTasks(TaskSet tasks, Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        tasks.Add<AddGrowpartPackage>().Add<InstallExpandRootService>();
    }
}
