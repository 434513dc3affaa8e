using Kiln.Common.Boot;
using Kiln.Manifests;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Platforms;

/// <summary>extlinux: BIOS only, syslinux's MBR code in front of the table, the loader in the boot filesystem.</summary>
public sealed class ExtlinuxBootChain : BootChain
{
    public override Bootloader Bootloader => Bootloader.Extlinux;

    public override string Name => "extlinux";

    public override IEnumerable<PlatformProblem> Problems(ArchitectureProfile architecture, Firmware firmware, bool secureBoot, DebianRelease release)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        if (!architecture.HasBios)
        {
            yield return new("bootloader", $"extlinux boots BIOS machines, and {architecture.Debian} has no BIOS; use grub or systemd-boot");
        }
        else if (firmware != Firmware.Bios)
        {
            yield return new("firmware", $"extlinux boots BIOS machines only, not {firmware.ToString().ToLowerInvariant()}; use firmware bios, or grub for UEFI");
        }
    }

    public override LayoutNeeds LayoutNeeds(Platform platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        return new(BiosBootPartition: false, EfiSystemPartition: false, platform.Architecture.RootPartitionType);
    }

    public override void AddTasks(TaskSet tasks, BuildSpec spec)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        tasks.Add<AddExtlinuxPackages>().Add<ConfigureExtlinux>().Add<InstallExtlinux>();
    }
}
