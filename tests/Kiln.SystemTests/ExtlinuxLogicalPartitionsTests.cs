using Shouldly;

namespace Kiln.SystemTests;

/// <summary>extlinux on msdos with six partitions (extended and logical ones), ext2/ext3/ext4/btrfs, and the virtual console.</summary>
[Trait("Category", "System")]
public sealed class ExtlinuxLogicalPartitionsTests
{
    [SystemFact]
    public async Task An_msdos_disk_with_logical_partitions_booted_by_extlinux_mounts_every_filesystem()
    {
        using var build = await ImageBuild.RunAsync(Repository.Example("kvm/extlinux-msdos-logical.yml"));
        var script = GuestFacts.Script(
        [
            .. GuestFacts.Common,
            ("boot", "findmnt -n -o SOURCE,FSTYPE /boot"),
            ("root", "findmnt -n -o SOURCE,FSTYPE /"),
            ("var", "findmnt -n -o SOURCE,FSTYPE /var"),
            ("srv", "findmnt -n -o SOURCE,FSTYPE /srv"),
            ("home", "findmnt -n -o SOURCE,FSTYPE /home"),
            ("swap", "swapon --noheadings --show=NAME"),
            ("extended", "cat /sys/block/vda/vda4/size"),
            ("boot_active", "dd if=/dev/vda bs=1 skip=446 count=1 2>/dev/null | od -An -tx1 | tr -d ' '"),
            ("kernel_link", "readlink /boot/vmlinuz"),
            ("running_kernel", "uname -r"),
            ("tty1_noclear", "cat /etc/systemd/system/getty@tty1.service.d/noclear.conf | grep -c TTYVTDisallocate=no"),
        ]);
        var facts = GuestFacts.Parse(await build.BootAndRunAsync("root:kiln-test", script));

        facts["boot"].ShouldBe("/dev/vda1 ext3");
        facts["swap"].ShouldBe("/dev/vda2");
        facts["root"].ShouldBe("/dev/vda3 ext4");
        facts["extended"].ShouldBe("2");
        facts["var"].ShouldBe("/dev/vda5 ext4");
        facts["srv"].ShouldBe("/dev/vda6 ext2");
        facts["home"].ShouldBe("/dev/vda7 btrfs");
        facts["boot_active"].ShouldBe("80");
        facts["cmdline"].ShouldContain("console=ttyS0,115200n8 console=tty0");
        facts["tty1_noclear"].ShouldBe("1");
        facts["fstab_by_uuid"].ShouldBe("6");
        facts["failed_units"].ShouldBe("0");
        facts["kernel_link"].ShouldBe($"vmlinuz-{facts["running_kernel"]}");
        facts["bootstrap_settings"].ShouldBe("0");
    }
}
