using Shouldly;
using Xunit;

namespace Kiln.Tests.Providers.Azure;

/// <summary>
/// bootstrap-vz's own azure manifests (manifests/examples/azure/jessie.yml and wheezy.yml, their mirror replaced
/// by a placeholder): refused only where their keys no longer mean anything, each refusal naming what changed.
/// </summary>
public sealed class BootstrapVzAzureManifestsTests
{
    private const string Jessie = """
        ---
        name: debian-{system.release}-{system.architecture}-{%y}{%m}{%d}
        provider:
          name: azure
          waagent:
            version: 2.0.14
        bootstrapper:
          mirror: http://mirror.example/debian/
          workspace: /target
        system:
          release: jessie
          architecture: amd64
          bootloader: grub
          charmap: UTF-8
          locale: en_US
          timezone: UTC
        volume:
          backing: vhd
          partitions:
            type: msdos
            root:
              filesystem: ext4
              size: 10GiB
        packages:
          components:
            - main
            - contrib
            - non-free
        plugins:
          ntp:
            servers:
              - time.windows.com
        """;

    private const string Wheezy = """
        ---
        name: debian-{system.release}-{system.architecture}-{%y}{%m}{%d}
        provider:
          name: azure
          waagent:
            version: 2.0.14
        bootstrapper:
          mirror: http://mirror.example/debian/
          workspace: /target
        system:
          release: wheezy
          architecture: amd64
          bootloader: grub
          charmap: UTF-8
          locale: en_US
          timezone: UTC
        volume:
          backing: vhd
          partitions:
            type: msdos
            root:
              filesystem: ext4
              size: 10GiB
        packages:
          components:
            - main
            - contrib
            - non-free
          preferences:
            backport-kernel:
              - package: linux-image-* initramfs-tools
                pin: release n=wheezy-backports
                pin-priority: 500
        plugins:
          ntp:
            servers:
              - time.windows.com
        """;

    [Theory]
    [InlineData("jessie")]
    [InlineData("wheezy")]
    public void The_manifest_is_refused_for_its_waagent_version_and_its_generation_2_default_on_an_msdos_disk(string release)
    {
        var errors = TestManifests.ErrorsOf(release == "jessie" ? Jessie : Wheezy, $"{release}.yml").Select(e => e.ToString()).ToList();

        errors.ShouldContain(e => e.StartsWith($"{release}.yml:6:14: waagent.version chose the WALinuxAgent release bootstrap-vz downloaded", StringComparison.Ordinal), string.Join('\n', errors));
    }

    [Fact]
    public void Without_the_waagent_version_as_generation_1_the_jessie_manifest_for_trixie_dry_runs_to_a_10_gib_vhd()
    {
        var yaml = Jessie.Replace("  waagent:\n    version: 2.0.14", "  generation: 1", StringComparison.Ordinal).Replace("release: jessie", "release: trixie", StringComparison.Ordinal);

        TestManifests.ErrorsOf(yaml, "trixie.yml").ShouldBeEmpty();
        var spec = TestManifests.Read(yaml);
        spec.Platform.Firmware.ShouldBe(Kiln.Platforms.Firmware.Bios);
        spec.Outputs.RequireDiskImage().Path.ShouldEndWith(".vhd");
        spec.RequireLayout().TotalSize.Bytes.ShouldBe(10L << 30);
    }
}
