using Kiln.Manifests;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Platforms;

/// <summary><c>bootloader: none</c>: the image has no bootloader (it is booted by its kernel, or another disk's loader).</summary>
public sealed class NoBootChain : BootChain
{
    public override Bootloader Bootloader => Bootloader.None;

    public override string Name => "none";

    public override IEnumerable<PlatformProblem> Problems(ArchitectureProfile architecture, Firmware firmware, bool secureBoot, DebianRelease release) =>
        secureBoot ? [new("secure_boot", "secure_boot needs a bootloader Debian signs (grub); this image has none")] : [];

    public override LayoutNeeds LayoutNeeds(Platform platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        return new(BiosBootPartition: false, EfiSystemPartition: false, platform.Architecture.RootPartitionType);
    }

    public override void AddTasks(TaskSet tasks, BuildSpec spec)
    {
    }
}
