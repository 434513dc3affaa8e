using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Tasks;
using Newtonsoft.Json.Linq;

namespace Kiln.Plugins.MinimizeSize;

/// <summary>
/// bootstrap-vz's minimize_size plugin: dpkg path filters for documentation, man pages and translations, apt
/// settings that keep the running system small, zerofree, and shrinking the image with qemu-img.
/// </summary>
public sealed class MinimizeSizePlugin : IPlugin
{
    public const string PluginName = "minimize_size";

    public string Name => PluginName;

    public ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin minimize_size", typeof(MinimizeSizePlugin).Assembly, "Plugins/MinimizeSize/manifest-schema.yml");

    public IEnumerable<ManifestError> Validate(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var document = manifest.Document;
        if (document.Root.SelectToken("plugins.minimize_size.shrink") is JValue { Value: "vmware-vdiskmanager" } shrink)
        {
            yield return document.ErrorAt(shrink,
                "vmware-vdiskmanager is VMware's own tool, not in Debian, and only shrinks vmdk, which the kvm provider does not write; use shrink: qemu-img");
        }

        var zerofree = document.Root.SelectToken("plugins.minimize_size.zerofree");
        if (MinimizeSizeSettings.From(manifest).Zerofree && !manifest.Volume.Partitions.Any(p => ZeroFreeBlocks.IsExt(p.Filesystem)))
        {
            yield return document.ErrorAt(zerofree, "zerofree works on ext2, ext3 and ext4 only, and this image has none of them");
        }
    }

    public void ResolveTasks(TaskSet tasks, Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var settings = MinimizeSizeSettings.From(manifest);
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
