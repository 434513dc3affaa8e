using Shouldly;

namespace Kiln.SystemTests;

/// <summary>One ext4 filesystem on the whole disk, no partition table, extlinux as bootloader.</summary>
[Trait("Category", "System")]
public sealed class ExtlinuxUnpartitionedTests
{
    [SystemFact]
    public async Task An_unpartitioned_disk_booted_by_extlinux_has_its_root_on_the_whole_disk()
    {
        using var build = await ImageBuild.RunAsync(Repository.Example("kvm/extlinux-unpartitioned.yml"));
        var script = GuestFacts.Script(
        [
            .. GuestFacts.Common,
            ("root_source", "findmnt -n -o SOURCE /"),
            ("table", "test -e /sys/block/vda/vda1 && echo partitioned || echo whole-disk"),
            ("extlinux", "ls /boot/extlinux"),
            ("kernel_link", "readlink /boot/vmlinuz"),
            ("running_kernel", "uname -r"),
            ("grub", "dpkg -s grub-pc >/dev/null 2>&1 && echo installed || echo absent"),
        ]);
        var facts = GuestFacts.Parse(await build.BootAndRunAsync("root:kiln-test", script));

        facts["root_source"].ShouldBe("/dev/vda");
        facts["table"].ShouldBe("whole-disk");
        facts["root_fs"].ShouldBe("ext4");
        facts["extlinux"].ShouldContain("ldlinux.sys");
        facts["extlinux"].ShouldContain("extlinux.conf");
        facts["grub"].ShouldBe("absent");
        facts["hostname"].ShouldBe("extlinux-example");
        facts["cmdline"].ShouldContain("console=ttyS0,115200n8");
        facts["failed_units"].ShouldBe("0");
        facts["kernel_link"].ShouldBe($"vmlinuz-{facts["running_kernel"]}");
        facts["bootstrap_settings"].ShouldBe("0");
    }
}
