using Kiln.Common.Volume;
using Kiln.Providers.VirtualBox;
using Kiln.Specs;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Providers.VirtualBox;

public sealed class VirtualBoxProviderTests
{
    private const string Manifest = """
        name: vbox
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
        """;

    [Fact]
    public void A_virtualbox_image_is_a_vdi_with_the_generic_kernel_on_a_sata_disk_and_an_e1000_card()
    {
        var spec = TestManifests.Read(Manifest);

        spec.Outputs.RequireDiskImage().Path.ShouldEndWith("/vbox.vdi");
        spec.SettingsOf<VirtualBoxSettings>().KernelPackage(spec.Architecture).ShouldBe("linux-image-amd64");
        var record = WriteBootRecord.For(spec);
        record.DiskBus.ShouldBe("sata");
        record.Network.ShouldBe("e1000");
        record.Firmware.ShouldBe(Kiln.Platforms.Firmware.Bios);
        spec.ProviderProfile.SshServer.ShouldBeTrue();
    }

    [Fact]
    public async Task The_kernel_talks_to_the_serial_port_and_to_the_screen_which_comes_last()
    {
        var context = TestBuildContexts.Create(TestManifests.Read(Manifest));

        await new ConfigureVirtualBoxConsole().RunAsync(context, CancellationToken.None);

        context.KernelParameters.ShouldBe(["console=ttyS0,115200n8", "console=tty0"]);
    }

    [Fact]
    public void Guest_additions_are_refused_where_they_are_written_with_the_reason()
    {
        var errors = TestManifests.ErrorsOf(Manifest.Replace("  name: virtualbox", "  name: virtualbox\n  guest_additions: /usr/share/virtualbox/VBoxGuestAdditions.iso", StringComparison.Ordinal));

        var error = errors.ShouldHaveSingleItem();
        error.Location.Line.ShouldBe(4);
        error.Location.Column.ShouldBe(20);
        error.Message.ShouldContain("vboxguest, vboxsf, vboxvideo");
        error.Message.ShouldContain("remove guest_additions");
    }

    [Theory]
    [InlineData("raw", "VirtualBox attaches no raw disk files")]
    [InlineData("qcow2", "allowed: vdi, vmdk")]
    public void Formats_virtualbox_cannot_attach_are_refused(string backing, string reason)
    {
        var errors = TestManifests.ErrorsOf(Manifest.Replace("backing: vdi", $"backing: {backing}", StringComparison.Ordinal));

        errors.ShouldHaveSingleItem().ToString().ShouldContain(reason);
        errors[0].Location.Line.ShouldBe(8);
    }

    [Fact]
    public void Arm64_and_unknown_provider_keys_are_refused()
    {
        var errors = TestManifests.ErrorsOf(Manifest
            .Replace("  release: bookworm", "  release: bookworm\n  architecture: arm64", StringComparison.Ordinal)
            .Replace("  name: virtualbox", "  name: virtualbox\n  virtio: [virtio_blk]", StringComparison.Ordinal));

        errors.Select(e => e.Message).ShouldContain(m => m.Contains("unknown key `virtio`", StringComparison.Ordinal));
        errors.Select(e => e.ToString()).ShouldContain(m => m.Contains("allowed: amd64, i386", StringComparison.Ordinal));
    }

    [Fact]
    public void A_vmdk_image_is_written_by_qemu_img_as_its_default_monolithic_sparse_vmdk()
    {
        var spec = TestManifests.Read(Manifest.Replace("backing: vdi", "backing: vmdk", StringComparison.Ordinal));
        var image = spec.Outputs.RequireDiskImage();

        ConvertImage.ConvertCommand("/b/disk.raw", "/o/vbox.vmdk", image.Format).Argv.ShouldBe(["qemu-img", "convert", "-f", "raw", "-O", "vmdk", "/b/disk.raw", "/o/vbox.vmdk"]);
        image.Path.ShouldEndWith("/vbox.vmdk");
    }

    [Fact]
    public void Without_ssh_the_image_has_no_ssh_server()
    {
        var spec = TestManifests.Read(Manifest.Replace("  name: virtualbox", "  name: virtualbox\n  ssh: false", StringComparison.Ordinal));

        spec.ProviderProfile.SshServer.ShouldBeFalse();
        spec.SettingsOf<VirtualBoxSettings>().Where.ShouldNotBe(SourceMap.None);
    }
}
