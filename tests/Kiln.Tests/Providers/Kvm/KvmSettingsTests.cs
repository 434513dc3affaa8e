using Kiln.Platforms;
using Kiln.Providers.Kvm;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Providers.Kvm;

public sealed class KvmSettingsTests
{
    [Fact]
    public void Without_settings_the_console_is_serial_and_ssh_is_on()
    {
        var settings = TestManifests.Bind(TestManifests.Minimal).SettingsOf<KvmSettings>();

        settings.Virtio.ShouldBeEmpty();
        settings.Console.ShouldBe("serial");
        settings.Kernel.ShouldBeNull();
        settings.Ssh.ShouldBeTrue();
    }

    [Fact]
    public void The_settings_are_read_from_the_provider_section()
    {
        var manifest = TestManifests.Bind(TestManifests.Minimal.Replace("  name: kvm", "  name: kvm\n  virtio: [virtio_pci, virtio_blk]\n  console: virtual\n  kernel: linux-image-amd64\n  ssh: false", StringComparison.Ordinal));

        var settings = manifest.SettingsOf<KvmSettings>();

        settings.Virtio.ShouldBe(["virtio_pci", "virtio_blk"]);
        settings.Console.ShouldBe("virtual");
        settings.Kernel.ShouldBe("linux-image-amd64");
        settings.Ssh.ShouldBeFalse();
        settings.KernelPackage(Architectures.Amd64).ShouldBe("linux-image-amd64");
    }

    [Theory]
    [InlineData("amd64", "linux-image-cloud-amd64")]
    [InlineData("arm64", "linux-image-cloud-arm64")]
    [InlineData("i386", "linux-image-686-pae")]
    public void The_default_kernel_is_the_cloud_flavour_where_debian_has_one(string architecture, string package)
    {
        new KvmSettings([], "serial", null, true).KernelPackage(Architectures.Find(architecture)!).ShouldBe(package);
    }

    [Fact]
    public void A_32_bit_userspace_under_a_64_bit_kernel_gets_the_generic_kernel()
    {
        new KvmSettings([], "serial", null, true).KernelPackage(Architectures.Amd64, "i386").ShouldBe("linux-image-amd64");
    }
}
