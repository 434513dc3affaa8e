using Shouldly;
using Xunit;

namespace Kiln.Tests.Providers.Ec2;

/// <summary>
/// bootstrap-vz's own ec2 manifests (manifests/official/ec2/ebs-stretch-amd64-hvm.yml and
/// manifests/examples/ec2/ebs-unstable-amd64-pvm.yml, their mirror replaced by a placeholder): refused only
/// where their keys no longer mean anything, each refusal naming what changed.
/// </summary>
public sealed class BootstrapVzEc2ManifestsTests
{
    private const string StretchHvm = """
        ---
        name: debian-{system.release}-{system.architecture}-{provider.virtualization}-{%Y}-{%m}-{%d}-{%H}{%M}-ebs
        tags:
          Name: "Stretch 9.0 alpha"
          Debian: "9.0~{%Y}{%m}{%d}{%H}{%M}"
        provider:
          name: ec2
          virtualization: hvm
          enhanced_networking: simple
          description: Debian {system.release} {system.architecture}
        bootstrapper:
          workspace: /target
        system:
          release: stretch
          architecture: amd64
          bootloader: grub
          charmap: UTF-8
          locale: en_US
          timezone: UTC
        volume:
          backing: ebs
          partitions:
            type: gpt
            root:
              filesystem: ext4
              size: 8GiB
        packages:
          mirror: http://mirror.example/debian
          components:
            - main
            - contrib
            - non-free
          install:
            - awscli
            - cloud-init
            - gdisk
        plugins:
          cloud_init:
            metadata_sources: Ec2
            username: admin
            enable_modules:
              cloud_init_modules:
                - {module: growpart, position: 4}
        """;

    private const string UnstablePvm = """
        ---
        name: debian-{system.release}-{system.architecture}-{provider.virtualization}-{%Y}-{%m}-{%d}-ebs
        provider:
          name: ec2
          virtualization: pvm
          description: Debian {system.release} {system.architecture}
        bootstrapper:
          workspace: /target
        system:
          release: unstable
          architecture: amd64
          bootloader: pvgrub
          charmap: UTF-8
          locale: en_US
          timezone: UTC
        volume:
          backing: ebs
          partitions:
            type: none
            root:
              filesystem: ext4
              size: 8GiB
        packages:
          mirror: http://mirror.example/debian
        plugins:
          cloud_init:
            metadata_sources: Ec2
            username: admin
        """;

    [Fact]
    public void The_stretch_hvm_manifest_is_refused_because_amis_are_hybrid_now_which_stretch_cannot_be_and_the_esp_makes_its_disk_no_whole_gib()
    {
        TestManifests.ErrorsOf(StretchHvm, "ebs-stretch-amd64-hvm.yml").Select(e => e.ToString()).ShouldBe(
        [
            "ebs-stretch-amd64-hvm.yml:14:12: hybrid images need Debian's grub-cloud-amd64, which stretch does not have; use bullseye or later, or firmware bios",
            "ebs-stretch-amd64-hvm.yml:23:5: EBS volumes are whole GiB, but the partitions add up to 8320MiB; make their sizes add up to a whole number of GiB (the ESP's 128 MiB share counts: a 1920MiB root makes 2 GiB)",
        ]);
    }

    [Fact]
    public void The_same_manifest_for_bookworm_with_a_root_that_leaves_room_for_the_esp_makes_an_8_gib_ami()
    {
        var spec = TestManifests.Read(StretchHvm.Replace("size: 8GiB", "size: 8064MiB", StringComparison.Ordinal).Replace("release: stretch", "release: bookworm", StringComparison.Ordinal));

        spec.RequireLayout().TotalSize.Bytes.ShouldBe(8L << 30);
        spec.Outputs.RequireDiskImage().Path.ShouldEndWith("-ebs.vmdk");
    }

    [Fact]
    public void The_paravirtual_manifest_is_refused_for_what_ec2_retired()
    {
        var errors = TestManifests.ErrorsOf(UnstablePvm, "ebs-unstable-amd64-pvm.yml").Select(e => e.ToString()).ToList();

        errors.ShouldContain(e => e.StartsWith("ebs-unstable-amd64-pvm.yml:5:19: paravirtual instances (virtualization: pvm", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith("ebs-unstable-amd64-pvm.yml:12:15: PV-GRUB booted paravirtual instances", StringComparison.Ordinal));
    }
}
