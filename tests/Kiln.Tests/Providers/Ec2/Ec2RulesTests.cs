using Kiln.Platforms;
using Kiln.Providers.Ec2;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Providers.Ec2;

public sealed class Ec2RulesTests
{
    [Fact]
    public void The_minimal_manifest_is_an_hybrid_image_for_nvme_machines_with_enhanced_networking()
    {
        var spec = TestManifests.Read(Ec2Manifests.Minimal);

        spec.Platform.Firmware.ShouldBe(Firmware.Hybrid);
        spec.ProviderProfile.Hardware.DiskBus.ShouldBe("nvme");
        spec.RequireLayout().TotalSize.Bytes.ShouldBe(2L << 30);
        spec.Outputs.RequireDiskImage().Path.ShouldEndWith("/ami-trixie.vmdk");
        spec.Outputs.All.Select(o => Path.GetFileName(o.Location)).ShouldBe(["ami-trixie.vmdk", "ami-trixie.boot.json", "ami-trixie.packages.tsv", "ami-trixie.spdx.json", "ami-trixie.publication.json"]);
        spec.SettingsOf<Ec2Settings>().EnhancedNetworking.ShouldBeTrue();
    }

    [Fact]
    public void Raw_backing_writes_a_raw_disk()
    {
        TestManifests.Read(Ec2Manifests.Minimal.Replace("backing: ebs", "backing: raw", StringComparison.Ordinal)).Outputs.RequireDiskImage().Path.ShouldEndWith("/ami-trixie.raw");
    }

    [Theory]
    [InlineData("  virtualization: pvm", "m.yml:6:19: paravirtual instances")]
    [InlineData("  amzn-driver-version: 2.0.1", "m.yml:6:24: amzn-driver-version chose the ENA driver")]
    [InlineData("  install_init_scripts: false", "m.yml:6:25: install_init_scripts chose bootstrap-vz's")]
    [InlineData("  kms_key_id: arn:aws:kms:eu-west-1:111122223333:key/k", "m.yml:6:15: kms_key_id encrypts the snapshot only with encrypted: true")]
    [InlineData("  credentials:\n    access-key: AKIA", "m.yml:7:5: credentials need both access-key and secret-key")]
    [InlineData("  credentials:\n    access-key: AKIA\n    secret-key: s\n    certificate: c.pem", "m.yml:9:18: credentials.certificate signed euca2ools bundles")]
    public void Keys_that_no_longer_mean_anything_on_ec2_are_refused_where_they_are_written_with_the_reason(string keys, string error)
    {
        var errors = TestManifests.ErrorsOf(Ec2Manifests.WithProvider(keys), "m.yml");

        errors.Select(e => e.ToString()).ShouldHaveSingleItem().ShouldStartWith(error);
    }

    [Fact]
    public void S3_backed_instance_store_amis_are_refused_at_the_backing()
    {
        var errors = TestManifests.ErrorsOf(Ec2Manifests.Minimal.Replace("backing: ebs", "backing: s3", StringComparison.Ordinal), "m.yml");

        errors.Select(e => e.ToString()).ShouldHaveSingleItem().ShouldStartWith("m.yml:10:12: backing: s3 made an instance-store AMI from euca2ools bundles");
    }

    [Fact]
    public void A_disk_that_is_not_a_whole_number_of_gib_is_refused_with_what_to_change()
    {
        var errors = TestManifests.ErrorsOf(Ec2Manifests.Minimal.Replace("1920MiB", "2GiB", StringComparison.Ordinal), "m.yml");

        errors.Select(e => e.ToString()).ShouldBe(["m.yml:12:5: EBS volumes are whole GiB, but the partitions add up to 2176MiB; make their sizes add up to a whole number of GiB (the ESP's 128 MiB share counts: a 1920MiB root makes 2 GiB)"]);
    }

    [Fact]
    public void I386_and_secure_boot_are_refused()
    {
        TestManifests.ErrorsOf(Ec2Manifests.Minimal.Replace("  release: trixie", "  release: trixie\n  architecture: i386\n  firmware: bios", StringComparison.Ordinal), "m.yml")
            .Select(e => e.ToString()).ShouldContain(e => e.Contains("Debian makes no i386 AMIs", StringComparison.Ordinal));
        TestManifests.ErrorsOf(Ec2Manifests.Minimal.Replace("  release: trixie", "  release: trixie\n  secure_boot: true", StringComparison.Ordinal), "m.yml")
            .Select(e => e.ToString()).ShouldContain(e => e.Contains("uefi-data", StringComparison.Ordinal));
    }

    [Fact]
    public void Arm64_images_boot_from_uefi_with_the_arm64_cloud_kernel()
    {
        var spec = TestManifests.Read(Ec2Manifests.Minimal.Replace("  release: trixie", "  release: trixie\n  architecture: arm64", StringComparison.Ordinal));

        spec.Platform.Firmware.ShouldBe(Firmware.Uefi);
        AddEc2Packages.For(spec.SettingsOf<Ec2Settings>(), spec.Architecture, Kiln.Manifests.ReleaseCatalog.Trixie, timesyncd: true).ShouldContain("linux-image-cloud-arm64");
        ConfigureEc2Console.Parameters(spec.Architecture).ShouldBe(["console=tty0", "console=ttyS0"]);
    }

    [Fact]
    public void The_packages_are_debians_ec2_set_with_amazon_ec2_utils_from_bookworm_on()
    {
        var settings = TestManifests.Read(Ec2Manifests.Minimal).SettingsOf<Ec2Settings>();

        AddEc2Packages.For(settings, Architectures.Amd64, Kiln.Manifests.ReleaseCatalog.Trixie, timesyncd: true)
            .ShouldBe(["linux-image-cloud-amd64", "systemd-sysv", "udev", "initramfs-tools", "cloud-init", "cloud-guest-utils", "cloud-initramfs-growroot", "sudo", "amazon-ec2-utils", "systemd-timesyncd"]);
        AddEc2Packages.For(settings, Architectures.Amd64, Kiln.Manifests.ReleaseCatalog.Bullseye, timesyncd: false).ShouldNotContain("amazon-ec2-utils");
    }

    [Fact]
    public void The_drivers_enhanced_networking_needs_are_found_in_the_module_tree()
    {
        var modules = Directory.CreateTempSubdirectory("kiln-modules-").FullName;
        try
        {
            var net = Directory.CreateDirectory(Path.Combine(modules, "6.12.0-cloud-amd64", "kernel", "drivers", "net")).FullName;
            File.WriteAllText(Path.Combine(net, "ena.ko.xz"), string.Empty);
            CheckEnhancedNetworkingDrivers.Missing(modules).ShouldBe(["ixgbevf"]);
            File.WriteAllText(Path.Combine(net, "ixgbevf.ko"), string.Empty);
            CheckEnhancedNetworkingDrivers.Missing(modules).ShouldBeEmpty();
        }
        finally
        {
            Directory.Delete(modules, recursive: true);
        }
    }
}
