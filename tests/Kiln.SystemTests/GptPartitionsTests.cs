using Shouldly;

namespace Kiln.SystemTests;

/// <summary>bookworm on GPT with a separate ext2 /boot, swap, XFS /var and a /tmp with mode and mount options.</summary>
[Trait("Category", "System")]
public sealed class GptPartitionsTests
{
    [SystemFact]
    public async Task A_gpt_image_with_boot_swap_xfs_var_and_tmp_boots_with_every_partition_as_the_manifest_says()
    {
        using var build = await ImageBuild.RunAsync(Repository.Example("kvm/bookworm-gpt-partitions.yml"));
        build.Image.ShouldEndWith(".raw");
        var script = GuestFacts.Script(
        [
            .. GuestFacts.Common,
            ("table", "blkid -o value -s PTTYPE /dev/vda"),
            ("boot", "findmnt -n -o FSTYPE /boot"),
            ("var", "findmnt -n -o FSTYPE /var"),
            ("tmp", "findmnt -n -o FSTYPE,OPTIONS /tmp"),
            ("tmp_mode", "stat -c %a /tmp"),
            ("swap", "swapon --show=TYPE --noheadings"),
            ("timezone", "readlink /etc/localtime"),
            ("locale", "cat /etc/default/locale"),
            ("locale_generated", "locale -a | grep -c en_US.utf8"),
            ("virtio_in_initramfs", "lsinitramfs /boot/initrd.img-$(uname -r) | grep -c 'virtio_blk\\|virtio_pci'"),
            ("forced_modules", "lsinitramfs /boot/initrd.img-$(uname -r) | grep -c conf/modules"),
        ]);
        var facts = GuestFacts.Parse(await build.BootAndRunAsync("root:kiln-test", script));

        facts["codename"].ShouldBe("bookworm");
        facts["hostname"].ShouldBe("gpt-example");
        facts["table"].ShouldBe("gpt");
        facts["root_fs"].ShouldBe("ext4");
        facts["boot"].ShouldBe("ext2");
        facts["var"].ShouldBe("xfs");
        facts["tmp"].ShouldStartWith("ext4 ");
        facts["tmp"].ShouldContain("nosuid");
        facts["tmp"].ShouldContain("nodev");
        facts["tmp"].ShouldContain("noexec");
        facts["tmp_mode"].ShouldBe("1777");
        facts["swap"].ShouldBe("partition");
        facts["fstab_by_uuid"].ShouldBe("5");
        facts["timezone"].ShouldBe("/usr/share/zoneinfo/Europe/Berlin");
        facts["locale"].ShouldBe("LANG=en_US.UTF-8");
        facts["locale_generated"].ShouldBe("1");
        facts["virtio_in_initramfs"].ShouldNotBe("0");
        facts["forced_modules"].ShouldBe("1");
        facts["failed_units"].ShouldBe("0");
        facts["bootstrap_settings"].ShouldBe("0");
        facts["machine_id_new"].ShouldBe("1");
        facts["networkd"].ShouldBe("active");
    }
}
