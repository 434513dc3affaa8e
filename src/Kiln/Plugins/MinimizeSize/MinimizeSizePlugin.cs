using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Plugins.MinimizeSize;

/// <summary>
/// bootstrap-vz's minimize_size plugin: dpkg path filters for documentation, man pages and translations, apt
/// settings that keep the running system small, zerofree, and shrinking the image with qemu-img.
/// </summary>
public sealed class MinimizeSizePlugin : Plugin<MinimizeSizeSettings>
{
    public const string PluginName = "minimize_size";

    public override string Name => PluginName;

    public override ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin minimize_size", typeof(MinimizeSizePlugin).Assembly, "Plugins/MinimizeSize/manifest-schema.yml");

    public override MinimizeSizeSettings Bind(SettingsSection section) => MinimizeSizeSettings.Bind(section);

    protected override IEnumerable<ManifestError> Validate(BuildSpec spec, MinimizeSizeSettings settings)
    {
        if (settings.ShrinkWithVmwareTool)
        {
            yield return settings.Where.ErrorAt("shrink",
                "vmware-vdiskmanager is VMware's own tool, not in Debian, and only shrinks vmdk, which the kvm provider does not write; use shrink: qemu-img");
        }

        if ((settings.Zerofree || settings.Shrink != ShrinkMode.None) && spec.Layout is null)
        {
            yield return new ManifestError(settings.Where.SectionKey, $"zerofree and shrink work on a disk image, and {spec.Provider.Name} images have none; leave them out (the dpkg and apt settings apply)");
            yield break;
        }

        if (settings.Shrink != ShrinkMode.None && !settings.ShrinkWithVmwareTool && spec.Outputs.LogicalVolume is not null)
        {
            yield return settings.Where.ErrorAt("shrink", "backing lvm writes the disk onto a logical volume, which has no image file for qemu-img to shrink; leave out shrink");
        }

        if (settings.Zerofree && !spec.Manifest.Volume.Filesystems.Any(p => ZeroFreeBlocks.IsExt(p.Filesystem)))
        {
            yield return settings.Where.ErrorAt("zerofree", "zerofree works on ext2, ext3 and ext4 only, and this image has none of them");
        }
    }

    protected override void ResolveTasks(TaskSet tasks, BuildSpec spec, MinimizeSizeSettings settings)
    {
        if (settings.HasDpkgFilters)
        {
            tasks.Add<AddDpkgPathFilters>().Add<RemoveFilteredFiles>();
        }

        if (settings.HasAptSettings)
        {
            tasks.Add<WriteAptSettings>();
        }

        if (settings.Zerofree)
        {
            tasks.Add<ZeroFreeBlocks>();
        }

        if (settings.Shrink != ShrinkMode.None)
        {
            tasks.Add<ShrinkImage>();
        }
    }
}
