using Kiln.Common.Boot;
using Kiln.Manifests;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Platforms;

/// <summary>
/// GRUB: boot code in the MBR gap or the BIOS boot partition for BIOS, a loader on the ESP's removable path
/// for UEFI (Debian's signed shim and GRUB under Secure Boot), both on one disk for hybrid.
/// </summary>
public sealed class GrubBootChain : BootChain
{
    public override Bootloader Bootloader => Bootloader.Grub;

    public override string Name => "grub";

    public override IEnumerable<PlatformProblem> Problems(ArchitectureProfile architecture, Firmware firmware, bool secureBoot, DebianRelease release)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        if (firmware != Firmware.Uefi && !architecture.HasBios)
        {
            yield return new("firmware", $"{architecture.Debian} machines have no BIOS; use firmware uefi");
        }

        if (firmware != Firmware.Bios && architecture == Architectures.I386)
        {
            yield return new("firmware", "Kiln builds i386 images for BIOS only; use firmware bios (or amd64 for UEFI)");
        }

        if (secureBoot && architecture.GrubSignedPackage is null)
        {
            yield return new("secure_boot", $"Debian signs no GRUB for {architecture.Debian}, so it cannot boot with Secure Boot");
        }

        if (firmware == Firmware.Hybrid && release < ReleaseCatalog.Bullseye)
        {
            yield return new("release", $"hybrid images need Debian's grub-cloud-amd64, which {release.Codename} does not have; use bullseye or later, or firmware bios");
        }
    }

    public override LayoutNeeds LayoutNeeds(Platform platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        return new(BiosBootPartition: platform.BootsBios, EfiSystemPartition: platform.BootsUefi, platform.Architecture.RootPartitionType);
    }

    public override void AddTasks(TaskSet tasks, BuildSpec spec)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(spec);
        tasks.Add<AddGrubPackages>().Add<ConfigureGrub>();
        if (spec.Platform.BootsBios)
        {
            tasks.Add<BuildGrubCoreImage>().Add<InstallGrubBootCode>();
        }

        if (spec.Platform.BootsUefi)
        {
            tasks.Add<InstallGrubEfiLoader>();
        }
    }
}
