using Kiln.Extensions;
using Kiln.Providers.Oracle;
using Kiln.Providers.Oracle.Publishing;
using Kiln.Publishing;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Providers.Oracle;

/// <summary>
/// oracle manifests: the example resolves to what OCI imports, bootstrap-vz's own oracle manifest
/// (manifests/official/oracle/jessie.yml) is refused only where OCI Classic's ways are gone, each refusal naming
/// what changed, and the keys of OCI Classic are refused at their line and column.
/// </summary>
public sealed class OracleManifestsTests
{
    private const string Minimal = """
        name: oci-{system.release}
        provider:
          name: oracle
          bucket: kiln-images
          namespace: kilntenancy
        bootstrapper: {}
        system:
          release: trixie
        volume:
          backing: qcow2
          partitions:
            type: gpt
            root:
              filesystem: ext4
              size: 1920MiB
        """;

    [Fact]
    public void The_example_is_a_hybrid_qcow2_on_virtio_scsi_with_its_publication_record()
    {
        var spec = TestManifests.Read(File.ReadAllText(Path.Combine(Repository.ManifestsDirectory, "examples", "oracle", "trixie-amd64.yml")), "trixie-amd64.yml");

        spec.Platform.Firmware.ShouldBe(Kiln.Platforms.Firmware.Hybrid);
        spec.Outputs.RequireDiskImage().Format.Backing.ShouldBe("qcow2");
        spec.Outputs.All.OfType<PublicationRecordOutput>().ShouldHaveSingleItem();
        var provider = (OracleProvider)spec.Provider;
        provider.Profile(spec.SettingsOf<OracleSettings>(), spec.Architecture).Hardware.ShouldBe(new VirtualHardware("virtio-scsi", "virtio-net"));
        var record = provider.DescribePublication(spec);
        record.Cloud.ShouldBe("oracle");
        var target = OracleTarget.From(record.Target);
        target.Bucket.ShouldBe("kiln-images", "bootstrap-vz's container is the bucket");
        target.Verify.ShouldBeTrue();
        target.OperatingSystemVersion.ShouldBe("trixie");
        OciRequests.CreateImage(record, target, "ocid1.compartment.oc1..c", "kilntenancy", "kiln-images").ToString(Newtonsoft.Json.Formatting.None).ShouldBe(
            "{\"compartmentId\":\"ocid1.compartment.oc1..c\",\"displayName\":\"" + record.Name + "\",\"launchMode\":\"PARAVIRTUALIZED\","
            + "\"imageSourceDetails\":{\"sourceType\":\"objectStorageTuple\",\"namespaceName\":\"kilntenancy\",\"bucketName\":\"kiln-images\",\"objectName\":\"imports/" + record.Name + ".qcow2\",\"sourceImageType\":\"QCOW2\",\"operatingSystem\":\"Debian\",\"operatingSystemVersion\":\"trixie\"},"
            + "\"freeformTags\":{\"BuiltBy\":\"kiln\",\"Release\":\"trixie\"}}");
    }

    [Fact]
    public void A_vmdk_backing_writes_the_stream_optimized_vmdk_oci_imports()
    {
        var spec = TestManifests.Read(Minimal.Replace("backing: qcow2", "backing: vmdk", StringComparison.Ordinal));

        spec.Outputs.RequireDiskImage().Format.ShouldBe(OracleProvider.StreamOptimizedVmdk);
        OciRequests.SourceImageType(((OracleProvider)spec.Provider).DescribePublication(spec)).ShouldBe("VMDK");
    }

    [Fact]
    public void Bootstrap_vzs_oracle_manifest_is_refused_for_what_oci_classic_had_and_oci_has_not()
    {
        var yaml = File.ReadAllText(Path.Combine(Repository.Root, "tests", "Kiln.Tests", "BootstrapVz", "manifests", "official", "oracle", "jessie.yml"));

        TestManifests.ErrorsOf(yaml, "jessie.yml").Select(e => e.ToString()).ShouldBe(
        [
            "jessie.yml:8:12: hybrid images need Debian's grub-cloud-amd64, which jessie does not have; use bullseye or later, or firmware bios",
            "jessie.yml:15:12: OCI imports QCOW2 and VMDK custom images, not raw disks (bootstrap-vz's raw tarball went to Oracle Compute Cloud Classic); use backing: qcow2",
            "jessie.yml:24:23: metadata_sources: Ec2 read Oracle Compute Cloud Classic's EC2-style metadata; OCI's instance metadata is read by cloud-init's Oracle data source, which the provider sets, so remove metadata_sources (or write Oracle)",
        ]);
    }

    [Fact]
    public void The_classic_login_is_refused_where_it_is_written()
    {
        var yaml = Minimal.Replace("  namespace: kilntenancy", "  namespace: kilntenancy\n  credentials:\n    username: u\n    password: p\n    identity-domain: d", StringComparison.Ordinal);

        TestManifests.ErrorsOf(yaml).ShouldHaveSingleItem().ToString().ShouldStartWith($"{TestManifests.FilePath}:7:5: credentials logged in to Oracle Compute Cloud Classic's storage service, which is gone;");
    }

    [Fact]
    public void Arm64_uefi_only_firmware_secure_boot_and_two_buckets_are_refused_with_their_reasons()
    {
        var yaml = Minimal
            .Replace("  bucket: kiln-images", "  bucket: kiln-images\n  container: other", StringComparison.Ordinal)
            .Replace("  release: trixie", "  release: trixie\n  firmware: uefi\n  secure_boot: true", StringComparison.Ordinal);

        var errors = TestManifests.ErrorsOf(yaml).Select(e => e.Message).ToList();

        errors.ShouldContain("container (bootstrap-vz's name) and bucket name different buckets; write one of them");
        errors.ShouldContain(e => e.StartsWith("OCI chooses an imported image's firmware", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith("OCI's Shielded Instances (Secure Boot)", StringComparison.Ordinal));
        TestManifests.ErrorsOf(Minimal.Replace("  release: trixie", "  release: trixie\n  architecture: arm64", StringComparison.Ordinal))
            .ShouldContain(e => e.Message.StartsWith("Kiln imports oracle images in OCI's PARAVIRTUALIZED launch mode", StringComparison.Ordinal));
    }

    [Fact]
    public void The_cloud_init_plugin_may_name_the_oracle_data_source()
    {
        TestManifests.ErrorsOf(Minimal + "\nplugins:\n  cloud_init:\n    username: opc\n    metadata_sources: Oracle\n").ShouldBeEmpty();
    }
}
