using Kiln.Common;
using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Platforms;
using Kiln.Providers.Kvm;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Providers.VirtualBox;

/// <summary>
/// Images for VirtualBox: a VDI or VMDK disk with the generic kernel (VirtualBox's hardware and guest drivers),
/// the kernel console on the serial port and the screen, DHCP and SSH. The machine it describes is VirtualBox's
/// default for Debian: disk on a SATA (AHCI) controller, an Intel PRO/1000 (e1000) network card.
/// </summary>
public sealed class VirtualBoxProvider : Provider<VirtualBoxSettings>
{
    public const string ProviderName = "virtualbox";

    /// <summary>How VirtualBox presents a Debian machine's disk and network card (its defaults for the Debian OS types).</summary>
    public static VirtualHardware Hardware { get; } = new("sata", "e1000");

    public override string Name => ProviderName;

    public override ManifestSchema? Schema { get; } = ManifestSchema.FromResource("provider virtualbox", typeof(VirtualBoxProvider).Assembly, "Providers/VirtualBox/manifest-schema.yml");

    public override VirtualBoxSettings Bind(SettingsSection section) => VirtualBoxSettings.Bind(section);

    public override ProviderProfile Profile(VirtualBoxSettings settings, ArchitectureProfile architecture)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new ProviderProfile { DefaultFirmware = Firmware.Bios, Hardware = Hardware, SshServer = settings.Ssh };
    }

    protected override IEnumerable<ManifestError> Validate(BuildSpec spec, VirtualBoxSettings settings)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.GuestAdditions is not null)
        {
            yield return settings.Where.ErrorAt("guest_additions",
                "Kiln does not install VirtualBox Guest Additions from an ISO: Debian ships none, and the image's kernel already has VirtualBox's guest drivers (vboxguest, vboxsf, vboxvideo); remove guest_additions");
        }
    }

    protected override void ResolveTasks(TaskSet tasks, BuildSpec spec, VirtualBoxSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        StandardTasks.AddTo(tasks, spec);
        tasks.Add<AddVirtualBoxPackages>().Add<ConfigureVirtualBoxConsole>().Add<KeepVirtualConsoleOutput>();
        if (settings.Ssh)
        {
            StandardTasks.AddSshServer(tasks);
        }
    }
}
