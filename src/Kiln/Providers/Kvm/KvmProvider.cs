using Kiln.Common;
using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Platforms;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Providers.Kvm;

/// <summary>Images for KVM/QEMU: a raw or qcow2 disk with a kernel, a bootloader, a serial console, DHCP and SSH.</summary>
public sealed class KvmProvider : Provider<KvmSettings>
{
    public const string ProviderName = "kvm";

    public override string Name => ProviderName;

    public override ManifestSchema? Schema { get; } = ManifestSchema.FromResource("provider kvm", typeof(KvmProvider).Assembly, "Providers/Kvm/manifest-schema.yml");

    public override KvmSettings Bind(SettingsSection section) => KvmSettings.Bind(section);

    /// <summary>bootstrap-vz's kvm images booted from a BIOS; arm64 machines have UEFI only.</summary>
    public override ProviderProfile Profile(KvmSettings settings, ArchitectureProfile architecture)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(architecture);
        return new ProviderProfile
        {
            DefaultFirmware = architecture.HasBios ? Firmware.Bios : Firmware.Uefi,
            Hardware = VirtualHardware.Virtio,
            SshServer = settings.Ssh,
        };
    }

    protected override void ResolveTasks(TaskSet tasks, BuildSpec spec, KvmSettings settings)
    {
        StandardTasks.AddTo(tasks, spec);
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
