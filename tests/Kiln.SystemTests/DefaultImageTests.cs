using System.Text.RegularExpressions;
using Shouldly;

namespace Kiln.SystemTests;

/// <summary>
/// The README's first command: `kiln build` without a manifest builds Debian stable for KVM, laid out like
/// Debian's cloud images (hybrid GPT), and it boots from a BIOS and from UEFI with the random root password it
/// printed, which <c>--password-file</c> also wrote beside the image; beside it are a valid SPDX SBOM and a
/// package list that name exactly the packages dpkg-query lists in the booted image.
/// </summary>
[Trait("Category", "System")]
public sealed partial class DefaultImageTests
{
    [SystemFact]
    public async Task The_default_image_boots_from_a_bios_and_from_uefi_with_its_printed_password_and_has_what_the_default_manifest_asks_for()
    {
        using var build = await ImageBuild.RunAsync(null, "--password-file");
        build.Image.ShouldEndWith(".qcow2");
        var password = PrintedPassword().Match(build.Build.Output).Groups["password"].Value;
        password.Length.ShouldBe(20, build.Build.Output);

        // --password-file: the same password beside the image, for a CI job that loses standard output.
        var passwordFile = Directory.GetFiles(build.OutputDirectory, "*.root-password").Single();
        File.ReadAllText(passwordFile).ShouldBe(password + "\n");
        File.GetUnixFileMode(passwordFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        build.Build.Output.ShouldContain($"root password written to {passwordFile} (mode 0600)");

        // The SBOM and the package list beside the image, checked before any boot.
        var sbom = ImageSbom.Read(build.Image);
        sbom.ShouldDescribeTheFilesBesideIt();
        build.Build.Output.ShouldContain($"built {sbom.Path} ");
        build.Build.Output.ShouldContain($"built {Path.ChangeExtension(build.Image, null)}.packages.tsv ");

        var script = GuestFacts.Script(
        [
            .. GuestFacts.Common,
            .. ImageSbom.GuestFacts,
            ("table", "blkid -o value -s PTTYPE /dev/vda"),
            ("root_source", "findmnt -n -o SOURCE /"),
            ("locale", "cat /etc/locale.conf"),
            ("pam_locale", "cat /etc/default/locale"),
            ("localtime", "readlink /etc/localtime || echo none"),
            ("ssh", "systemctl is-active ssh.service"),
            ("host_keys_made_at_boot", "systemctl is-active kiln-ssh-host-keys.service"),
            ("host_keys", "ls /etc/ssh/ssh_host_*_key | wc -l"),
            ("iproute2", "ip -4 -o addr show scope global | wc -l"),
            ("grub_defaults", "cat /etc/default/grub.d/kiln.cfg | grep ^GRUB_CMDLINE_LINUX="),
            ("efi_firmware", "test -d /sys/firmware/efi && echo yes || echo no"),
            ("esp", "findmnt -n -o SOURCE,FSTYPE /boot/efi"),
            ("device_timeout", "systemctl show --property DefaultDeviceTimeoutUSec --value"),
            ("removable_loader", "ls /boot/efi/EFI/BOOT/BOOTX64.EFI"),
            ("partitions", "lsblk -rno NAME,PARTTYPENAME /dev/vda | tail -n +2 | sort | sed 's/\\\\x20/ /g' | tr ' ' '_' | tr '\\n' ' '"),
            ("upgrade_hook", "ls /etc/grub.d/enable_cloud"),
            ("regenerated_serial", "grub-mkconfig 2>/dev/null | grep -c 'serial --speed=115200'"),
            ("regenerated_root", "grub-mkconfig 2>/dev/null | grep -m1 -o 'root=UUID=[^ ]* ro console=ttyS0,115200n8'"),
        ]);
        File.ReadAllText(build.BootRecord).ShouldContain("\"firmware\": \"hybrid\"");
        var facts = GuestFacts.Parse(await build.BootAndRunAsync($"root:{password}", script, "--firmware", "bios"));

        facts["codename"].ShouldBe("trixie");
        facts["hostname"].ShouldBe("debian");
        facts["table"].ShouldBe("gpt");
        facts["efi_firmware"].ShouldBe("no");
        facts["esp"].ShouldBe("/dev/vda15 vfat");
        facts["partitions"].ShouldBe("vda1_Linux_root_(x86-64) vda14_BIOS_boot vda15_EFI_System");
        facts["upgrade_hook"].ShouldBe("/etc/grub.d/enable_cloud");
        facts["regenerated_serial"].ShouldNotBe("0");
        facts["regenerated_root"].ShouldStartWith("root=UUID=");
        facts["root_source"].ShouldBe("/dev/vda1");
        facts["root_fs"].ShouldBe("ext4");
        facts["fstab_by_uuid"].ShouldBe("2");
        facts["fstab_lines"].ShouldBe("2");
        facts["cmdline"].ShouldContain("console=ttyS0,115200n8");
        facts["cmdline"].ShouldContain("root=UUID=");
        facts["serial_getty"].ShouldBe("active");
        facts["device_timeout"].ShouldBe("5min", "systemd waits five minutes for slow devices (WaitLongerForDevices)");
        int.Parse(facts["lo_ipv6"], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(1);
        facts["networkd"].ShouldBe("active");
        facts["iproute2"].ShouldBe("1");
        facts["machine_id_new"].ShouldBe("1");
        facts["apt_lists"].ShouldBe("0");
        facts["policy_rc_d"].ShouldBe("absent");
        facts["failed_units"].ShouldBe("0");
        facts["bootstrap_settings"].ShouldBe("0");
        facts["locale"].ShouldBe("LANG=C.UTF-8");
        facts["pam_locale"].ShouldBe("LANG=C.UTF-8");
        facts["ssh"].ShouldBe("active");
        facts["host_keys_made_at_boot"].ShouldBe("active");
        facts["host_keys"].ShouldNotBe("0");
        facts["grub_defaults"].ShouldContain("console=ttyS0,115200n8");
        facts["packages_count"].ShouldBe(sbom.PackageLines.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        facts["packages_sha256"].ShouldBe(sbom.PackageLinesSha256, $"dpkg-query -W in the image lists other packages than the SBOM:\n{string.Join('\n', sbom.PackageLines)}");

        // The same disk from UEFI firmware (the boot record's default for a hybrid image).
        var uefi = GuestFacts.Parse(await build.BootAndRunAsync($"root:{password}", GuestFacts.Script(
        [
            ("efi_firmware", "test -d /sys/firmware/efi && echo yes || echo no"),
            ("esp", "findmnt -n -o SOURCE,FSTYPE /boot/efi"),
            ("removable_loader", "ls /boot/efi/EFI/BOOT/BOOTX64.EFI"),
            ("root_source", "findmnt -n -o SOURCE /"),
            ("failed_units", "systemctl --failed --no-legend --plain | wc -l"),
        ])));
        uefi["efi_firmware"].ShouldBe("yes");
        uefi["esp"].ShouldBe("/dev/vda15 vfat");
        uefi["removable_loader"].ShouldBe("/boot/efi/EFI/BOOT/BOOTX64.EFI");
        uefi["root_source"].ShouldBe("/dev/vda1");
        uefi["failed_units"].ShouldBe("0");
    }

    [GeneratedRegex(@"root password \(shown only now\): (?<password>\S+)")]
    private static partial Regex PrintedPassword();
}
