using Newtonsoft.Json.Linq;
using Shouldly;

namespace Kiln.SystemTests;

/// <summary>
/// kvm/bookworm-vagrant-libvirt.yml: a KVM image and a box for vagrant-libvirt. Debian's vagrant adds the box
/// offline, its metadata names the qcow2 disk and its size, and the box's disk boots with the vagrant login.
/// </summary>
[Trait("Category", "System")]
public sealed class VagrantLibvirtBoxTests
{
    [SystemFact]
    public async Task Vagrant_adds_the_libvirt_box_and_its_qcow2_disk_boots_with_the_vagrant_user()
    {
        using var build = await ImageBuild.RunAsync(Repository.Example("kvm/bookworm-vagrant-libvirt.yml"));
        var box = build.OutputWith(".box");
        (await HostCommand.RunAsync("tar", ["--list", "--file", box])).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .ShouldBe(["box.img", "metadata.json", "Vagrantfile"]);
        var unpacked = Path.Combine(build.OutputDirectory, "box");
        Directory.CreateDirectory(unpacked);
        await HostCommand.RunAsync("tar", ["--extract", "--file", box, "--directory", unpacked]);
        var metadata = JObject.Parse(File.ReadAllText(Path.Combine(unpacked, "metadata.json")));
        ((string?)metadata["provider"]).ShouldBe("libvirt");
        ((string?)metadata["format"]).ShouldBe("qcow2");
        ((int?)metadata["virtual_size"]).ShouldBe(2);
        var disk = Path.Combine(unpacked, "box.img");
        (await HostCommand.RunAsync("qemu-img", ["info", "--output=json", disk])).ShouldContain("\"format\": \"qcow2\"");

        var vagrant = new Dictionary<string, string> { ["VAGRANT_HOME"] = Path.Combine(build.OutputDirectory, "vagrant.d"), ["VAGRANT_CHECKPOINT_DISABLE"] = "1" };
        await HostCommand.RunAsync("vagrant", ["box", "add", "--name", "kiln/bookworm-libvirt", box], vagrant);
        (await HostCommand.RunAsync("vagrant", ["box", "list"], vagrant)).ShouldContain("kiln/bookworm-libvirt (libvirt, 0");

        File.Copy(build.BootRecord, Kiln.VirtualMachines.BootRecord.PathFor(disk));
        var facts = GuestFacts.Parse(await build.BootDiskAndRunAsync(disk, "vagrant:vagrant", GuestFacts.Script(
        [
            // The serial login comes before the boot ends (host keys are made at first boot): wait for its end.
            ("boot", "systemctl is-system-running --wait"),
            ("root_source", "findmnt -n -o SOURCE /"),
            ("user", "id -un"),
            ("vagrant_sudo", "sudo -n id -u"),
            ("insecure_keys", "grep -c 'vagrant insecure public key' ~/.ssh/authorized_keys"),
            ("ssh", "systemctl is-active ssh.service"),
        ])));
        facts["root_source"].ShouldBe("/dev/vda1");
        facts["user"].ShouldBe("vagrant");
        facts["vagrant_sudo"].ShouldBe("0");
        facts["insecure_keys"].ShouldBe("2");
        facts["ssh"].ShouldBe("active");
    }
}
