using System.Text.RegularExpressions;
using Shouldly;

namespace Kiln.SystemTests;

/// <summary>The README's first command: `kiln build` without a manifest builds Debian stable for KVM, and it boots.</summary>
[Trait("Category", "System")]
public sealed partial class DefaultImageTests
{
    [SystemFact]
    public async Task The_default_image_boots_with_its_printed_password_and_has_what_the_default_manifest_asks_for()
    {
        using var build = await ImageBuild.RunAsync(manifest: null);
        build.Image.ShouldEndWith(".qcow2");
        var password = PrintedPassword().Match(build.Build.Output).Groups["password"].Value;
        password.Length.ShouldBe(20, build.Build.Output);

        var script = GuestFacts.Script(
        [
            .. GuestFacts.Common,
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
        ]);
        var facts = GuestFacts.Parse(await build.BootAndRunAsync($"root:{password}", script));

        facts["codename"].ShouldBe("trixie");
        facts["hostname"].ShouldBe("debian");
        facts["table"].ShouldBe("dos");
        facts["root_source"].ShouldBe("/dev/vda1");
        facts["root_fs"].ShouldBe("ext4");
        facts["fstab_by_uuid"].ShouldBe("1");
        facts["fstab_lines"].ShouldBe("1");
        facts["cmdline"].ShouldContain("console=ttyS0,115200n8");
        facts["cmdline"].ShouldContain("root=UUID=");
        facts["serial_getty"].ShouldBe("active");
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
    }

    [GeneratedRegex(@"root password \(shown only now\): (?<password>\S+)")]
    private static partial Regex PrintedPassword();
}
