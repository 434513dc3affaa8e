using System.Xml.Linq;
using Kiln.Disks;
using Kiln.Plugins.Vagrant;
using Newtonsoft.Json.Linq;
using Shouldly;

namespace Kiln.SystemTests;

/// <summary>
/// virtualbox/bookworm-vagrant.yml: a VDI and a Vagrant box for VirtualBox from one build. The VDI boots as
/// VirtualBox presents it (SATA disk, Intel PRO/1000 card) with the vagrant user, its sudo rule and the insecure
/// key; Debian's vagrant adds the box offline; its OVF has what VirtualBox's import reads; its stream-optimized
/// VMDK holds the very disk the VDI booted (qemu-img compare).
/// </summary>
[Trait("Category", "System")]
public sealed class VirtualBoxVagrantTests
{
    [SystemFact]
    public async Task The_vdi_boots_as_virtualbox_presents_it_the_boxs_vmdk_is_the_same_disk_and_vagrant_adds_the_box()
    {
        using var build = await ImageBuild.RunAsync(Repository.Example("virtualbox/bookworm-vagrant.yml"));
        build.Image.ShouldEndWith(".vdi");
        var vdi = VdiHeader.ReadFile(build.Image);
        vdi.IsDynamic.ShouldBeTrue();
        vdi.DiskSize.ShouldBe(2L << 30);
        var record = File.ReadAllText(build.BootRecord);
        record.ShouldContain("\"disk_bus\": \"sata\"");
        record.ShouldContain("\"network\": \"e1000\"");

        // The serial login comes before the boot ends, and under TCG the first boot's host key generation holds
        // sshd back for a while: the facts are read once systemd says the boot is over.
        var script = GuestFacts.Script(
        [
            ("boot", "systemctl is-system-running --wait"),
            .. GuestFacts.Common,
            ("root_source", "findmnt -n -o SOURCE /"),
            ("nic_driver", "basename $(readlink /sys/class/net/$(ls /sys/class/net | grep -v lo | head -1)/device/driver)"),
            ("vboxguest", "modinfo -F name vboxguest"),
            ("vagrant_shell", "getent passwd vagrant | cut -d: -f7"),
            ("vagrant_sudo", "su vagrant -c 'sudo -n id -u'"),
            ("ssh_modes", "stat -c %a:%U /home/vagrant/.ssh /home/vagrant/.ssh/authorized_keys | tr '\\n' ' '"),
            ("insecure_keys", "grep -c 'vagrant insecure public key' /home/vagrant/.ssh/authorized_keys"),
            ("usedns", "sshd -T | grep -i '^usedns'"),
            ("ssh", "systemctl is-active ssh.service"),
        ]);
        var facts = GuestFacts.Parse(await build.BootAndRunAsync("root:vagrant", script));

        facts["codename"].ShouldBe("bookworm");
        facts["hostname"].ShouldBe("vagrant-bookworm");
        facts["root_source"].ShouldBe("/dev/sda1");
        facts["nic_driver"].ShouldBe("e1000");
        facts["vboxguest"].ShouldBe("vboxguest");
        facts["cmdline"].ShouldContain("console=ttyS0,115200n8");
        facts["cmdline"].ShouldContain("console=tty0");
        facts["vagrant_shell"].ShouldBe("/bin/bash");
        facts["vagrant_sudo"].ShouldBe("0");
        facts["ssh_modes"].ShouldBe("700:vagrant 600:vagrant");
        facts["insecure_keys"].ShouldBe("2");
        facts["usedns"].ShouldBe("usedns no");
        facts["ssh"].ShouldBe("active");
        facts["failed_units"].ShouldBe("0");
        facts["networkd"].ShouldBe("active");

        var box = build.OutputWith(".box");
        (await HostCommand.RunAsync("tar", ["--list", "--file", box])).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .ShouldBe(["box.ovf", "box-disk1.vmdk", "metadata.json", "Vagrantfile"]);
        var unpacked = Path.Combine(build.OutputDirectory, "box");
        Directory.CreateDirectory(unpacked);
        await HostCommand.RunAsync("tar", ["--extract", "--file", box, "--directory", unpacked]);
        ((string?)JObject.Parse(File.ReadAllText(Path.Combine(unpacked, "metadata.json")))["provider"]).ShouldBe("virtualbox");
        File.ReadAllText(Path.Combine(unpacked, "Vagrantfile")).ShouldContain($"config.vm.base_mac = \"{VagrantBox.BaseMac("kiln-bookworm-vagrant")}\"");
        var disk = Path.Combine(unpacked, "box-disk1.vmdk");
        var vmdk = VmdkHeader.ReadFile(disk);
        vmdk.IsStreamOptimized.ShouldBeTrue();
        vmdk.CapacityBytes.ShouldBe(2L << 30);
        OvfBoxChecks.Problems(XDocument.Load(Path.Combine(unpacked, "box.ovf")), "box-disk1.vmdk", 2L << 30).ShouldBeEmpty();

        var vagrantHome = Path.Combine(build.OutputDirectory, "vagrant.d");
        var vagrant = new Dictionary<string, string> { ["VAGRANT_HOME"] = vagrantHome, ["VAGRANT_CHECKPOINT_DISABLE"] = "1" };
        await HostCommand.RunAsync("vagrant", ["box", "add", "--name", "kiln/bookworm", box], vagrant);
        (await HostCommand.RunAsync("vagrant", ["box", "list"], vagrant)).ShouldContain("kiln/bookworm (virtualbox, 0");

        // The box's own disk holds what the guest saw when the VDI booted, block for block (a second TCG boot of the
        // same system would show nothing more and costs minutes).
        (await HostCommand.RunAsync("qemu-img", ["compare", "-f", "vdi", "-F", "vmdk", build.Image, disk])).ShouldContain("Images are identical");
    }
}
