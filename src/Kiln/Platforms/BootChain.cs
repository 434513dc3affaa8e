using Kiln.Manifests;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Platforms;

/// <summary>
/// A way from firmware to kernel (GRUB, extlinux, systemd-boot, none): which firmware it serves, what it asks of
/// the disk, and the tasks that install it. <c>system.bootloader</c> names it.
/// </summary>
public abstract class BootChain
{
    public abstract Bootloader Bootloader { get; }

    /// <summary>The name the manifest uses (<c>systemd-boot</c>).</summary>
    public abstract string Name { get; }

    /// <summary>Why this chain cannot boot the platform with this release and disk, one message each (none when it can).</summary>
    public abstract IEnumerable<PlatformProblem> Problems(ArchitectureProfile architecture, Firmware firmware, bool secureBoot, DebianRelease release);

    /// <summary>The partitions the chain needs on a disk with this partition table.</summary>
    public abstract LayoutNeeds LayoutNeeds(Platform platform);

    public abstract void AddTasks(TaskSet tasks, BuildSpec spec);

    public override string ToString() => Name;
}
