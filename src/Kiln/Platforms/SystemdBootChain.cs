using Kiln.Common.Boot;
using Kiln.Manifests;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Platforms;

/// <summary>
/// systemd-boot (trixie and later): UEFI only; the loader on the ESP's removable path and a unified kernel
/// image (kernel, initramfs and command line in one EFI file, made by ukify) that kernel-install renews on
/// every kernel upgrade.
/// </summary>
public sealed class SystemdBootChain : BootChain
{
    public override Bootloader Bootloader => Bootloader.SystemdBoot;

    public override string Name => "systemd-boot";

    public override IEnumerable<PlatformProblem> Problems(ArchitectureProfile architecture, Firmware firmware, bool secureBoot, DebianRelease release)
    {
        ArgumentNullException.ThrowIfNull(release);
        if (firmware != Firmware.Uefi)
        {
            yield return new("firmware", $"systemd-boot is a UEFI boot manager; it cannot boot {firmware.ToString().ToLowerInvariant()} firmware; use firmware uefi, or grub");
        }

        if (release < ReleaseCatalog.Trixie)
        {
            yield return new("release", $"Debian has systemd-boot with ukify from trixie on, not in {release.Codename}; use grub");
        }

        if (secureBoot)
        {
            yield return new("secure_boot", "Kiln boots Secure Boot images through Debian's signed shim and GRUB; use bootloader grub for secure_boot");
        }

        if (architecture == Architectures.I386)
        {
            yield return new("architecture", "Kiln builds i386 images for BIOS only");
        }
    }

    public override LayoutNeeds LayoutNeeds(Platform platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        return new(BiosBootPartition: false, EfiSystemPartition: true, platform.Architecture.RootPartitionType);
    }

    public override void AddTasks(TaskSet tasks, BuildSpec spec)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        tasks.Add<AddSystemdBootPackages>().Add<InstallSystemdBoot>();
    }
}
