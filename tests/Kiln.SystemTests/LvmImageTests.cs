using Kiln.SystemTests.Plugins;
using Shouldly;

namespace Kiln.SystemTests;

/// <summary>
/// Root on LVM inside the image, built on this host without device-mapper (manifests/examples/kvm/trixie-lvm.yml):
/// GPT, /boot on a partition, the volume group vg0 with swap, root (ext4) and /var (XFS). The disk is grown by
/// 1 GiB before it boots, so expand_root grows the partition, the physical volume, the root volume and its filesystem.
/// </summary>
[Trait("Category", "System")]
public sealed class LvmImageTests
{
    private const long MiB = 1L << 20;

    [SystemFact]
    public async Task A_gpt_image_with_root_var_and_swap_on_lvm_boots_activates_its_volume_group_and_grows_the_root_into_a_larger_disk()
    {
        using var build = await ImageBuild.RunAsync(Repository.Example("kvm/trixie-lvm.yml"));
        build.Image.ShouldEndWith(".raw");
        await HostProgram.CheckedAsync("qemu-img", "resize", "-f", "raw", build.Image, "+1G");
        var script = GuestFacts.Script(
        [
            .. GuestFacts.Common,
            ("volumes", "lvs --noheadings -o lv_name --sort lv_name vg0"),
            ("active", "lvs --noheadings -o lv_active --sort lv_name vg0"),
            ("physical_volume", "pvs --noheadings -o pv_name,vg_name"),
            ("root_source", "findmnt -n -o SOURCE /"),
            ("root_uuid", "findmnt -n -o UUID /"),
            ("boot", "findmnt -n -o SOURCE,FSTYPE /boot"),
            ("var", "findmnt -n -o SOURCE,FSTYPE /var"),
            ("var_options", "findmnt -n -o OPTIONS /var"),
            ("swap", "swapon --show=NAME,TYPE --noheadings"),
            ("swap_volume", "readlink -f /dev/vg0/swap"),
            ("initramfs_lvm", "lsinitramfs /boot/initrd.img-$(uname -r) | grep -c -E 'sbin/lvm$'"),
            ("disk_bytes", "lsblk -bdno SIZE /dev/vda"),
            ("pv_bytes", "pvs --noheadings --units b --nosuffix -o pv_size"),
            ("vg_free", "vgs --noheadings -o vg_free_count vg0"),
            ("root_lv_bytes", "lvs --noheadings --units b --nosuffix -o lv_size vg0/root"),
            ("var_lv_bytes", "lvs --noheadings --units b --nosuffix -o lv_size vg0/var"),
            ("root_fs_bytes", "df -B1 --output=size / | tail -1"),
            ("expand_root", "systemctl is-active kiln-expand-root.service"),
            ("expand_root_log", "journalctl -b -o cat -u kiln-expand-root.service | grep -c 'growing the logical volume vg0/root'"),
        ]);

        var facts = GuestFacts.Parse(await build.BootAndRunAsync("root:kiln-test", script));

        facts["codename"].ShouldBe("trixie");
        facts["hostname"].ShouldBe("lvm-example");
        facts["volumes"].Split(' ', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["root", "swap", "var"]);
        facts["active"].Split(' ', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["active", "active", "active"]);
        facts["physical_volume"].Split(' ', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["/dev/vda3", "vg0"]);
        facts["root_source"].ShouldBe("/dev/mapper/vg0-root");
        facts["root_fs"].ShouldBe("ext4");
        facts["cmdline"].ShouldContain($"root=UUID={facts["root_uuid"]} ");
        facts["boot"].ShouldBe("/dev/vda2 ext2");
        facts["var"].ShouldBe("/dev/mapper/vg0-var xfs");
        facts["var_options"].ShouldContain("noatime");
        facts["swap"].ShouldBe($"{facts["swap_volume"]} partition");
        facts["fstab_by_uuid"].ShouldBe("4");
        int.Parse(facts["initramfs_lvm"], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(1, "the initramfs has LVM, which activated vg0 before it mounted root");

        // The disk grew by 1 GiB: the partition, the physical volume and root took it all; /var kept its size.
        long.Parse(facts["disk_bytes"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe((256 + 128 + 2048 + 512 + 1024) * MiB);
        long.Parse(facts["pv_bytes"], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan((2688 + 1024 - 8) * MiB);
        facts["vg_free"].ShouldBe("0");
        long.Parse(facts["root_lv_bytes"], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo((2048 + 1020) * MiB);
        long.Parse(facts["var_lv_bytes"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(508 * MiB);
        long.Parse(facts["root_fs_bytes"], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(2900 * MiB);
        facts["expand_root"].ShouldBe("active");
        facts["expand_root_log"].ShouldBe("1");
        facts["failed_units"].ShouldBe("0");
        facts["networkd"].ShouldBe("active");
    }
}
