using Kiln.Disks;
using Kiln.Plugins.Vagrant;
using Kiln.Tasks;
using Kiln.Tests.Fakes;
using Newtonsoft.Json.Linq;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.Vagrant;

public sealed class VagrantPluginTests
{
    private const string VirtualBoxManifest = """
        name: box
        provider:
          name: virtualbox
        bootstrapper: {}
        system:
          release: bookworm
        volume:
          backing: vdi
          partitions:
            type: msdos
            root:
              filesystem: ext4
              size: 2GiB
        plugins:
          vagrant: {}
        """;

    private static string KvmManifest(string vagrant = "{}") => VirtualBoxManifest
        .Replace("name: virtualbox", "name: kvm", StringComparison.Ordinal)
        .Replace("backing: vdi", "backing: qcow2", StringComparison.Ordinal)
        .Replace("vagrant: {}", $"vagrant: {vagrant}", StringComparison.Ordinal);

    [Fact]
    public void A_virtualbox_image_gets_a_virtualbox_box_beside_its_disk()
    {
        var spec = TestManifests.Read(VirtualBoxManifest);

        var box = spec.Outputs.All.OfType<VagrantBoxOutput>().ShouldHaveSingleItem();
        box.BoxProvider.ShouldBe("virtualbox");
        box.Path.ShouldBe(Path.Combine(TestBuildContexts.Paths.OutputDirectory, "box.box"));
        spec.Outputs.RequireDiskImage().Path.ShouldEndWith("/box.vdi");
    }

    [Fact]
    public void A_kvm_image_gets_a_libvirt_box_by_default()
    {
        TestManifests.Read(KvmManifest()).Outputs.All.OfType<VagrantBoxOutput>().Single().BoxProvider.ShouldBe("libvirt");
    }

    [Theory]
    [InlineData("{provider: virtualbox}", "needs an image made for VirtualBox")]
    [InlineData("{provider: hyperv}", "allowed: virtualbox, libvirt")]
    [InlineData("{version: 2}", "unknown key `version`")]
    public void Boxes_for_the_wrong_machine_and_unknown_options_are_refused_at_their_place(string vagrant, string reason)
    {
        var error = TestManifests.ErrorsOf(KvmManifest(vagrant)).ShouldHaveSingleItem();

        error.ToString().ShouldContain(reason);
        error.Location.Line.ShouldBe(15);
    }

    [Fact]
    public void A_box_needs_the_ssh_server_and_a_bios()
    {
        var errors = TestManifests.ErrorsOf(VirtualBoxManifest
            .Replace("  name: virtualbox", "  name: virtualbox\n  ssh: false", StringComparison.Ordinal)
            .Replace("  release: bookworm", "  release: bookworm\n  firmware: uefi", StringComparison.Ordinal)
            .Replace("type: msdos", "type: gpt", StringComparison.Ordinal));

        errors.Select(e => e.Message).ShouldContain(m => m.Contains("provider.ssh is false", StringComparison.Ordinal));
        errors.Select(e => e.Message).ShouldContain(m => m.Contains("boots only from UEFI", StringComparison.Ordinal));
    }

    [Fact]
    public void The_virtualbox_box_holds_the_ovf_a_stream_optimized_vmdk_metadata_and_vagrantfile()
    {
        var box = new VagrantBox("virtualbox");

        box.Files.ShouldBe(["box.ovf", "box-disk1.vmdk", "metadata.json", "Vagrantfile"]);
        box.ConvertDisk("/b/disk.raw", "/b/vagrant-box/box-disk1.vmdk").Argv.ShouldBe(
            ["qemu-img", "convert", "-f", "raw", "-O", "vmdk", "-o", "subformat=streamOptimized", "/b/disk.raw", "/b/vagrant-box/box-disk1.vmdk"]);
        JObject.Parse(box.Metadata(ByteSize.FromMiB(2048))).ShouldBe(new JObject { ["provider"] = "virtualbox" });
        box.Vagrantfile("box").ShouldContain($"config.vm.base_mac = \"{VagrantBox.BaseMac("box")}\"");
        VagrantBox.BaseMac("box").ShouldMatch("^080027[0-9A-F]{6}$");
        box.Pack("/b/vagrant-box", "/o/.box.box.kiln-1").Argv.ShouldBe(
            ["tar", "--create", "--gzip", "--file", "/o/.box.box.kiln-1", "--directory", "/b/vagrant-box", "--owner=0", "--group=0", "--numeric-owner", "--", "box.ovf", "box-disk1.vmdk", "metadata.json", "Vagrantfile"]);
    }

    [Fact]
    public void The_libvirt_box_holds_a_qcow2_box_img_and_metadata_with_its_size_in_whole_gib()
    {
        var box = new VagrantBox("libvirt");

        box.Files.ShouldBe(["box.img", "metadata.json", "Vagrantfile"]);
        box.ConvertDisk("/b/disk.raw", "/s/box.img").Argv.ShouldBe(["qemu-img", "convert", "-f", "raw", "-O", "qcow2", "/b/disk.raw", "/s/box.img"]);
        JObject.Parse(box.Metadata(ByteSize.FromMiB(2049))).ShouldBe(new JObject { ["provider"] = "libvirt", ["format"] = "qcow2", ["virtual_size"] = 3 });
        box.Vagrantfile("box").ShouldContain("libvirt.driver = \"kvm\"");
    }

    [Fact]
    public void The_insecure_keys_are_vagrants_rsa_and_ed25519_public_keys()
    {
        var keys = InstallInsecureKey.AuthorizedKeys.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        keys.Length.ShouldBe(2);
        keys[0].ShouldStartWith("ssh-rsa AAAAB3NzaC1yc2EAAAABIwAAAQEA6NF8iallvQVp22WDkTkyrtvp9eWW6A8YVr+kz4TjGYe7gHzIw");
        keys[1].ShouldBe("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIN1YdxBpNlzxDqfJyw/QKow1F+wvG9hXGoqiysfJOn5Y vagrant insecure public key");
    }

    [Fact]
    public async Task The_vagrant_user_gets_the_password_vagrant_and_root_too_unless_root_password_sets_it()
    {
        var runner = new FakeCommandRunner();
        await new CreateVagrantUser().RunAsync(TestBuildContexts.Create(TestManifests.Read(VirtualBoxManifest), runner), CancellationToken.None);
        var withRootPassword = new FakeCommandRunner();
        var manifest = VirtualBoxManifest + "\n  root_password:\n    password: other";
        await new CreateVagrantUser().RunAsync(TestBuildContexts.Create(TestManifests.Read(manifest), withRootPassword), CancellationToken.None);

        runner.Commands[0].Argv.ShouldContain("useradd");
        runner.Commands[0].Argv.TakeLast(5).ShouldBe(["useradd", "--create-home", "--shell", "/bin/bash", "vagrant"]);
        runner.Commands[1].StandardInput.ShouldBe("vagrant:vagrant\nroot:vagrant\n");
        withRootPassword.Commands[1].StandardInput.ShouldBe("vagrant:vagrant\n");
    }

    [Fact]
    public void The_box_is_packed_before_the_image_is_converted_which_may_move_the_raw_disk()
    {
        new PackVagrantBox().Successors.ShouldContain(typeof(Kiln.Common.Volume.ConvertImage));
        new PackVagrantBox().Phase.ShouldBe(Phase.ImageRegistration);
    }
}
