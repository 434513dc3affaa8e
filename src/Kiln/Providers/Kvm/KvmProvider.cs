using Kiln.Common;
using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Tasks;

namespace Kiln.Providers.Kvm;

/// <summary>Images for KVM/QEMU: a raw or qcow2 disk with a kernel, a bootloader, a serial console, DHCP and SSH.</summary>
public sealed class KvmProvider : IProvider
{
    public string Name => "kvm";

    public ManifestSchema? Schema { get; } = ManifestSchema.FromResource("provider kvm", typeof(KvmProvider).Assembly, "Providers/Kvm/manifest-schema.yml");

    public IEnumerable<ManifestError> Validate(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (manifest.System.Architecture == "arm64" && manifest.System.Bootloader != Bootloader.None)
        {
            yield return manifest.Document.ErrorAt(manifest.Document.Root.SelectToken("system.architecture"),
                "arm64 VMs boot through UEFI, which the kvm provider does not build yet; use amd64 or i386, or bootloader none");
        }
    }

    public void ResolveTasks(TaskSet tasks, Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(manifest);
        StandardTasks.AddTo(tasks, manifest);
        var settings = KvmSettings.From(manifest);
        tasks.Add<AddKvmPackages>().Add<ConfigureConsole>();
        if (settings.Virtio.Count > 0)
        {
            tasks.Add<LoadVirtioModules>();
        }

        if (settings.Console == "virtual")
        {
            tasks.Add<KeepVirtualConsoleOutput>();
        }

        if (settings.Ssh)
        {
            StandardTasks.AddSshServer(tasks);
        }
    }
}
