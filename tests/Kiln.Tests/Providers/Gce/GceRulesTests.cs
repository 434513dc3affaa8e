using Kiln.Common.Volume;
using Kiln.Platforms;
using Kiln.Providers.Gce;
using Kiln.Providers.Gce.Publishing;
using Kiln.Publishing;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Providers.Gce;

public sealed class GceRulesTests
{
    [Fact]
    public void The_minimal_manifest_is_a_hybrid_image_on_virtio_scsi_written_as_gces_tar_gz()
    {
        var spec = TestManifests.Read(GceManifests.Minimal);

        spec.Platform.Firmware.ShouldBe(Firmware.Hybrid);
        spec.ProviderProfile.Hardware.DiskBus.ShouldBe("virtio-scsi");
        spec.RequireLayout().TotalSize.Bytes.ShouldBe(2L << 30);
        spec.Outputs.All.Select(o => Path.GetFileName(o.Location)).ShouldBe(["debian-trixie.tar.gz", "debian-trixie.boot.json", "debian-trixie.packages.tsv", "debian-trixie.spdx.json", "debian-trixie.publication.json"]);
        spec.Outputs.RequireDiskImage().Format.Backing.ShouldBe("tar.gz");
    }

    [Fact]
    public void The_archive_takes_the_place_of_the_format_conversion_and_the_image_gets_google_s_guest_environment()
    {
        var plan = Kiln.Builds.BuildPlanning.CreatePlan(TestManifests.Read(GceManifests.Minimal), TestManifests.Registry).Describe();

        plan.ShouldContain(nameof(PackGceDiskArchive));
        plan.ShouldNotContain(nameof(ConvertImage));
        plan.ShouldContain(nameof(ConfigureGceTimeSync));
        plan.ShouldNotContain(nameof(CheckGvnicDriver));
        AddGcePackages.For(new GceSettings(), Architectures.Amd64, timesyncd: true).ShouldBe(
            ["linux-image-cloud-amd64", "systemd-sysv", "udev", "initramfs-tools", "cloud-initramfs-growroot", "sudo", "google-guest-agent", "google-compute-engine-oslogin", "systemd-timesyncd"]);
    }

    [Fact]
    public void The_publication_record_names_the_archive_the_features_the_family_and_the_labels()
    {
        var spec = TestManifests.Read(GceManifests.WithProvider("  gce_project: kiln-test-project\n  family: debian-{system.release}\n  guest_os_features: [GVNIC]").Replace("bootstrapper: {}", "tags:\n  release: '{system.release}'\nbootstrapper: {}", StringComparison.Ordinal));

        var record = new GceProvider().DescribePublication(spec);

        record.Cloud.ShouldBe("gce");
        record.Image.ShouldBe("debian-trixie.tar.gz");
        record.Format.ShouldBe("tar.gz");
        record.Description.ShouldBe("Debian trixie amd64");
        record.Tags.ShouldBe(new Dictionary<string, string>(StringComparer.Ordinal) { ["release"] = "trixie" });
        var target = GceTarget.From(record.Target);
        target.Bucket.ShouldBe("kiln-images");
        target.Prefix.ShouldBe("imports/");
        target.Project.ShouldBe("kiln-test-project");
        target.Family.ShouldBe("debian-trixie");
        target.GuestOsFeatures.ShouldBe(["UEFI_COMPATIBLE", "VIRTIO_SCSI_MULTIQUEUE", "GVNIC"]);
        Kiln.Builds.BuildPlanning.CreatePlan(spec, TestManifests.Registry).Describe().ShouldContain(nameof(CheckGvnicDriver));
        PublicationRecord.Parse(record.ToJson(), "r").Target.ToString().ShouldBe(record.Target.ToString());
    }

    [Fact]
    public void A_bios_image_is_not_uefi_compatible()
    {
        GuestOsFeatures.For(Firmware.Bios, []).ShouldBe(["VIRTIO_SCSI_MULTIQUEUE"]);
        GuestOsFeatures.For(Firmware.Uefi, ["VIRTIO_SCSI_MULTIQUEUE", "SEV_CAPABLE"]).ShouldBe(["UEFI_COMPATIBLE", "VIRTIO_SCSI_MULTIQUEUE", "SEV_CAPABLE"]);
    }

    [Theory]
    [InlineData("name: debian-{system.release}", "name: Debian.{system.release}", "m.yml:1:7: `Debian.trixie` cannot name a GCE image")]
    [InlineData("  name: gce", "  name: gce\n  family: Debian", "m.yml:4:11: `Debian` cannot name an image family")]
    [InlineData("size: 1920MiB", "size: 2GiB", "m.yml:11:5: GCE imports disks of whole GiB, but the partitions add up to 2176MiB")]
    [InlineData("release: trixie", "release: trixie\n  architecture: arm64", "m.yml:8:17: Kiln builds gce images for amd64, as Debian does")]
    [InlineData("bootstrapper: {}", "tags:\n  Release: x\nbootstrapper: {}", "m.yml:6:3: the tag Release: `x` cannot be a GCE label")]
    [InlineData("bootstrapper: {}", "plugins:\n  minimize_size:\n    shrink: true\nbootstrapper: {}", "m.yml:7:13: minimize_size's shrink rewrites the image with qemu-img")]
    [InlineData("  name: gce", "  name: gce\n  guest_os_features: [SEV_CAPABLE]", "m.yml:4:22: SEV_CAPABLE needs an image that boots from UEFI")]
    public void What_gce_does_not_take_is_refused_where_it_is_written_with_the_reason(string from, string to, string error)
    {
        var manifest = GceManifests.Minimal.Replace(from, to, StringComparison.Ordinal);
        if (error.Contains("SEV_CAPABLE", StringComparison.Ordinal))
        {
            manifest = manifest.Replace("release: trixie", "release: trixie\n  firmware: bios", StringComparison.Ordinal).Replace("size: 1920MiB", "size: 2GiB", StringComparison.Ordinal);
        }

        TestManifests.ErrorsOf(manifest, "m.yml").Select(e => e.ToString()).ShouldHaveSingleItem().ShouldStartWith(error);
    }

    [Fact]
    public void The_names_gce_allows_are_rfc_1035_names_and_lower_case_labels()
    {
        GceNames.IsResourceName("debian-13-trixie-v20260101").ShouldBeTrue();
        GceNames.IsResourceName("9debian").ShouldBeFalse();
        GceNames.IsResourceName("debian-").ShouldBeFalse();
        GceNames.IsResourceName(new string('a', 64)).ShouldBeFalse();
        GceNames.IsLabelKey("built-by").ShouldBeTrue();
        GceNames.IsLabelKey("Built").ShouldBeFalse();
        GceNames.IsLabelValue(string.Empty).ShouldBeTrue();
    }
}
