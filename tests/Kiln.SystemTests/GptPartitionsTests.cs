using Shouldly;

namespace Kiln.SystemTests;

/// <summary>
/// bookworm on GPT with a separate ext2 /boot, swap, XFS /var and a /tmp with mode and mount options, in German:
/// <c>kiln test</c> logs in although the console asks <c>Passwort:</c>, and <c>kiln boot</c> on a pseudo-terminal
/// reaches the login prompt, logs in, quits with Ctrl-A X and leaves the terminal as it found it.
/// </summary>
[Trait("Category", "System")]
public sealed class GptPartitionsTests
{
    [SystemFact]
    public async Task A_gpt_image_with_boot_swap_xfs_var_and_tmp_boots_with_every_partition_as_the_manifest_says()
    {
        using var build = await ImageBuild.RunAsync(Repository.Example("kvm/bookworm-gpt-partitions.yml"), "--json");
        build.Image.ShouldEndWith(".raw");
        BuildJson.ShouldDescribe(build);
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
            ("locale_generated", "locale -a | grep -c de_DE.utf8"),
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
        facts["locale"].ShouldBe("LANG=de_DE.UTF-8");
        facts["locale_generated"].ShouldBe("1");
        facts["virtio_in_initramfs"].ShouldNotBe("0");
        facts["forced_modules"].ShouldBe("1");
        facts["failed_units"].ShouldBe("0");
        facts["bootstrap_settings"].ShouldBe("0");
        facts["machine_id_new"].ShouldBe("1");
        facts["networkd"].ShouldBe("active");

        await BootsInteractivelyOnATerminalAsync(build.Image);
    }

    private static async Task BootsInteractivelyOnATerminalAsync(string image)
    {
        var states = Directory.CreateTempSubdirectory("kiln-boot-tty-").FullName;
        try
        {
            var cli = Path.Combine(AppContext.BaseDirectory, "Kiln.Cli.dll");
            using var terminal = PseudoTerminal.Start(
                $"stty -g > {states}/before; dotnet {cli} boot {image}; echo KILN-BOOT-EXIT=$?; stty -g > {states}/after");
            await terminal.WaitForAsync(@"login: $|login: ", TimeSpan.FromMinutes(6));
            await Task.Delay(TimeSpan.FromSeconds(2));
            await terminal.TypeAsync("root\r");
            await terminal.WaitForAsync(@"Passwort: ", TimeSpan.FromMinutes(1));
            await terminal.TypeAsync("kiln-test\r");
            await terminal.WaitForAsync(@"# ", TimeSpan.FromMinutes(1));
            await terminal.TypeAsync("echo KILN-$((6 * 7))\r");
            await terminal.WaitForAsync(@"KILN-42", TimeSpan.FromMinutes(1));

            // Ctrl-A X: QEMU's own escape; the terminal must be raw for it to arrive.
            await terminal.TypeAsync("\u0001x");
            await terminal.WaitForAsync(@"KILN-BOOT-EXIT=(\d+)", TimeSpan.FromMinutes(1));
            (await terminal.WaitForExitAsync(TimeSpan.FromMinutes(1))).ShouldBe(0, terminal.Output);
            terminal.Output.ShouldNotContain("rolling back");
            File.ReadAllText($"{states}/after").ShouldBe(File.ReadAllText($"{states}/before"), "kiln boot leaves the terminal's settings as it found them");
        }
        finally
        {
            TestDirectory.Remove(states);
        }
    }
}
