using Kiln.Builds;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Builds;

public sealed class HostToolInventoryTests
{
    [Fact]
    public void Doctor_checks_every_program_a_task_declares_and_qemu_for_every_architecture()
    {
        var commands = HostToolInventory.All(TestManifests.Registry).Select(t => t.Command).ToList();

        commands.ShouldContain("mmdebstrap");
        commands.ShouldContain("mkfs.vfat");
        commands.ShouldContain("mcopy");
        commands.ShouldContain("sfdisk");
        commands.ShouldContain("qemu-aarch64-static");
        commands.ShouldContain("arch-test");
        commands.ShouldContain("qemu-system-x86_64");
        commands.ShouldContain("qemu-system-aarch64");
        commands.ShouldBeUnique();
    }

    [Fact]
    public void For_one_manifest_doctor_checks_its_plan_and_the_qemu_that_boots_it()
    {
        var spec = TestManifests.Read(TestManifests.Minimal.Replace("  release: bookworm", "  release: bookworm\n  architecture: arm64", StringComparison.Ordinal).Replace("type: msdos", "type: gpt", StringComparison.Ordinal));

        var commands = HostToolInventory.For(spec, BuildPlanning.CreatePlan(spec, TestManifests.Registry)).Select(t => t.Command).ToList();

        commands.ShouldContain("mkfs.vfat");
        commands.ShouldContain("qemu-system-aarch64");
        commands.ShouldNotContain("qemu-system-x86_64");
        commands.ShouldNotContain("extlinux");
    }
}
