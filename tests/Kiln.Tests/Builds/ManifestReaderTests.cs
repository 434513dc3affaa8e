using Kiln.Extensions;
using Kiln.Builds;
using Kiln.Disks;
using Kiln.Manifests;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Builds;

public sealed class ManifestReaderTests
{
    /// <summary>bootstrap-vz's manifests/examples/kvm/stretch-virtio-partitions.yml, for bookworm.</summary>
    public const string BootstrapVzKvmManifest = """
        ---
        name: debian-{system.release}-{system.architecture}-{%Y}{%m}{%d}
        provider:
          name: kvm
          virtio:
            - virtio_pci
            - virtio_blk
        bootstrapper:
          workspace: /target
        system:
          release: bookworm
          architecture: amd64
          bootloader: grub
          charmap: UTF-8
          locale: en_US
          timezone: UTC
        volume:
          backing: raw
          partitions:
            type: gpt
            boot:
              filesystem: ext2
              size: 1GiB
            swap:
              size: 128MiB
            root:
              filesystem: ext4
              size: 8GiB
            tmp:
              mountopts:
                - nodev
                - noexec
                - nosuid
                - journal_ioprio=3
              filesystem: ext4
              size: 1GiB
              mode: '1777'
            var:
              filesystem: ext4
              size: 1GiB
            var/tmp:
              filesystem: ext4
              size: 1GiB

        plugins:
          root_password:
            password: test
        """;

    public static TheoryData<string> ExampleManifests() => [.. ManifestFiles()];

    [Fact]
    public void A_bootstrap_vz_kvm_manifest_is_valid()
    {
        var spec = TestManifests.Read(BootstrapVzKvmManifest);
        var manifest = spec.Manifest;

        manifest.Name.ShouldBe("debian-bookworm-amd64-20240305");
        manifest.Bootstrapper.Workspace.ShouldBe("/target");
        manifest.Volume.PartitionMap.ShouldBe(PartitionMapKind.Gpt);
        manifest.Volume.Partitions.Select(p => p.Key).ShouldBe(["boot", "root", "tmp", "var", "var/tmp"]);
        manifest.System.LocaleName.ShouldBe("en_US.UTF-8");
        manifest.HasPlugin("root_password").ShouldBeTrue();
    }

    [Fact]
    public void The_bootstrap_vz_kvm_manifest_on_msdos_puts_its_six_partitions_into_logical_ones()
    {
        var layout = TestManifests.Read(BootstrapVzKvmManifest.Replace("type: gpt", "type: msdos", StringComparison.Ordinal)).RequireLayout();
        layout.Partitions.Select(p => $"{p.Number}:{p.Label}").ShouldBe(["1:boot", "2:swap", "3:root", "4:extended", "5:tmp", "6:var", "7:var/tmp"]);
    }

    [Theory]
    [MemberData(nameof(ExampleManifests))]
    public void Every_manifest_in_the_repository_is_valid(string relativePath)
    {
        // The examples may use the sample third-party plugin, which the system tests load from samples/plugins/motd.
        var registry = ExtensionRegistry.CreateDefault();
        registry.AddPlugin(new Kiln.Samples.Motd.MotdPlugin(), "samples/plugins/motd");
        var spec = new ManifestReader(registry).Read(Path.Combine(Repository.ManifestsDirectory, relativePath), TestManifests.BuildTime);

        spec.Manifest.Name.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void The_repository_has_the_default_manifest()
    {
        ManifestFiles().ShouldContain("default.yml");
    }

    private static IEnumerable<string> ManifestFiles() =>
        Directory.EnumerateFiles(Repository.ManifestsDirectory, "*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".yml", StringComparison.Ordinal) || path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".json", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(Repository.ManifestsDirectory, path))
            .Order(StringComparer.Ordinal);

    [Fact]
    public void An_unknown_provider_is_reported_at_its_name_with_the_available_ones()
    {
        var errors = TestManifests.ErrorsOf(TestManifests.Minimal.Replace("name: kvm", "name: vmware", StringComparison.Ordinal), "m.yml");

        errors.Select(e => e.ToString()).ShouldBe(["m.yml:3:9: unknown provider `vmware`\n    available: azure, docker, ec2, gce, kvm, oracle, virtualbox"]);
    }

    [Fact]
    public void An_unknown_plugin_is_reported_at_its_key_with_the_available_ones()
    {
        var errors = TestManifests.ErrorsOf(TestManifests.Minimal + "\nplugins:\n  no_such_plugin: {zerofree: true}\n", "m.yml");

        // Every built-in plugin is listed, in name order (more plugins keep arriving; the list follows them).
        var available = string.Join(", ", TestManifests.Registry.Plugins.Select(p => p.Name).Order(StringComparer.Ordinal));
        available.ShouldContain("hooks, ");
        errors.Select(e => e.ToString()).ShouldBe([$"m.yml:15:3: unknown plugin `no_such_plugin`; a plugin of your own is loaded with --plugin-path DIR or KILN_PLUGIN_PATH\n    available: {available}"]);
    }

    [Fact]
    public void The_kvm_schema_rejects_a_backing_it_does_not_write()
    {
        var errors = TestManifests.ErrorsOf(TestManifests.Minimal.Replace("backing: raw", "backing: vmdk", StringComparison.Ordinal), "m.yml");

        errors.Select(e => e.ToString()).ShouldBe(["m.yml:8:12: `vmdk` is not offered for `volume.backing`: the kvm provider writes raw, qcow2 or lvm; vmdk is the virtualbox provider's (provider: virtualbox)\n    allowed: raw, qcow2, lvm (the disk image file's format, or lvm: a logical volume of the build host (volumegroup, logicalvolume))"]);
    }

    [Fact]
    public void The_kvm_schema_takes_bootstrap_vzs_lvm_backing_with_its_volume_group_and_volume()
    {
        var manifest = TestManifests.Minimal.Replace("backing: raw", "backing: lvm\n  logicalvolume: lvtest\n  volumegroup: vgtest", StringComparison.Ordinal);

        TestManifests.ErrorsOf(manifest, "m.yml").ShouldBeEmpty();
    }

    [Fact]
    public void The_kvm_schema_rejects_an_unknown_provider_key()
    {
        var errors = TestManifests.ErrorsOf(TestManifests.Minimal.Replace("  name: kvm", "  name: kvm\n  colour: blue", StringComparison.Ordinal), "m.yml");

        errors.Select(e => e.ToString()).ShouldBe(["m.yml:4:3: unknown key `colour` in `provider`\n    allowed: name, virtio, console, kernel, ssh"]);
    }

    [Fact]
    public void The_kvm_schema_requires_a_backing()
    {
        var errors = TestManifests.ErrorsOf(TestManifests.Minimal.Replace("  backing: raw\n", string.Empty, StringComparison.Ordinal), "m.yml");

        errors.Select(e => e.ToString()).ShouldBe(["m.yml:8:3: `volume` is missing the required key `backing`"]);
    }

    [Fact]
    public void Root_password_with_both_a_password_and_random_is_rejected()
    {
        var errors = TestManifests.ErrorsOf(TestManifests.Minimal + "\nplugins:\n  root_password:\n    password: secret\n    random: true\n", "m.yml");

        errors.Select(e => e.ToString()).ShouldBe(["m.yml:16:5: root_password takes exactly one of password, password-crypted or random: true"]);
    }

    [Fact]
    public void Schema_errors_of_core_provider_and_plugin_come_together_with_the_checks_that_need_only_the_text()
    {
        var yaml = TestManifests.Minimal
            .Replace("release: bookworm", "release: bookwurm", StringComparison.Ordinal)
            .Replace("backing: raw", "backing: vmdk", StringComparison.Ordinal) + "\nplugins:\n  root_password: {password: ''}\n";

        var errors = TestManifests.ErrorsOf(yaml, "m.yml");

        // The unknown release needs no resolved spec: it is reported with the schema errors, so one pass shows every mistake.
        errors.Select(e => e.Location.Line).ShouldBe([6, 8, 15]);
    }

    [Fact]
    public void Semantic_errors_of_core_and_extensions_come_together()
    {
        var yaml = TestManifests.Minimal
            .Replace("release: bookworm", "release: bookwurm\n  architecture: arm64\n  firmware: bios", StringComparison.Ordinal) + "\nplugins:\n  root_password: {}\n";

        var errors = TestManifests.ErrorsOf(yaml, "m.yml");

        errors.Select(e => e.ToString()).ShouldBe(
        [
            "m.yml:6:12: `bookwurm` is not a Debian release Kiln knows; did you mean `bookworm`?\n    use a codename (wheezy, jessie, stretch, buster, bullseye, bookworm, trixie, forky, sid) or a suite (oldoldstable, oldstable, stable, testing, unstable)",
            "m.yml:8:13: arm64 machines have no BIOS; use firmware uefi",
            "m.yml:17:18: root_password takes exactly one of password, password-crypted or random: true",
        ]);
    }
}
