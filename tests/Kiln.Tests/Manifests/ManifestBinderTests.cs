using Kiln.Disks;
using Kiln.Manifests;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Manifests;

public sealed class ManifestBinderTests
{
    [Fact]
    public void A_minimal_manifest_gets_kilns_defaults()
    {
        var manifest = TestManifests.BindCore(TestManifests.Minimal);

        manifest.Name.ShouldBe("test-bookworm");
        manifest.Provider.Name.ShouldBe("kvm");
        manifest.Bootstrapper.Workspace.ShouldBe("/var/tmp/kiln");
        manifest.Bootstrapper.Tool.ShouldBe(BootstrapTool.Mmdebstrap);
        manifest.Bootstrapper.Variant.ShouldBeNull();
        manifest.System.Architecture.ShouldBe("amd64");
        manifest.System.Locale.ShouldBe("C");
        manifest.System.Charmap.ShouldBe("UTF-8");
        manifest.System.Timezone.ShouldBe("UTC");
        manifest.System.Bootloader.ShouldBe(Bootloader.Grub);
        manifest.System.Hostname.ShouldBeNull();
        manifest.Packages.Components.ShouldBe(["main"]);
        manifest.Packages.Install.ShouldBeEmpty();
        manifest.Volume.Backing.ShouldBe("raw");
        manifest.Volume.Swap.ShouldBeNull();
        manifest.PluginNames.ShouldBeEmpty();
        manifest.System.Firmware.ShouldBeNull();
        manifest.System.SecureBoot.ShouldBeFalse();
    }

    [Fact]
    public void The_name_template_is_filled_from_the_manifest_and_the_build_time()
    {
        var manifest = TestManifests.BindCore(TestManifests.Minimal.Replace("name: test-{system.release}", "name: debian-{system.release}-{bootstrapper.variant}-{%Y}{%m}{%d}", StringComparison.Ordinal)
            .Replace("bootstrapper: {}", "bootstrapper: {variant: minbase}", StringComparison.Ordinal));

        manifest.Name.ShouldBe("debian-bookworm-minbase-20240305");
    }

    [Fact]
    public void The_name_template_sees_default_values()
    {
        var manifest = TestManifests.BindCore(TestManifests.Minimal.Replace("name: test-{system.release}", "name: debian-{system.release}-{system.architecture}", StringComparison.Ordinal));

        manifest.Name.ShouldBe("debian-bookworm-amd64");
    }

    [Fact]
    public void A_problem_in_the_name_template_is_reported_at_the_name()
    {
        var errors = new List<ManifestError>();

        ManifestBinder.Bind(TestManifests.Document(TestManifests.Minimal.Replace("{system.release}", "{system.relase}", StringComparison.Ordinal), "m.yml"), TestManifests.BuildTime, errors);

        errors.Select(e => e.ToString()).ShouldBe(["m.yml:1:7: the name template field `{system.relase}` names no value in the manifest; write a path such as {system.release}"]);
    }

    [Fact]
    public void Partitions_are_ordered_boot_root_then_the_others_as_listed()
    {
        var manifest = TestManifests.BindCore("""
            name: x
            provider: {name: kvm}
            system: {release: bookworm}
            volume:
              backing: qcow2
              partitions:
                type: gpt
                var: {filesystem: xfs, size: 1GiB}
                root: {filesystem: ext4, size: 2GiB}
                tmp: {filesystem: ext4, size: 512MiB, mountopts: [nodev, nosuid], mode: '1777'}
                boot: {filesystem: ext2, size: 256MiB}
                swap: {size: 128MiB}
            """);

        var volume = manifest.Volume;
        volume.PartitionMap.ShouldBe(PartitionMapKind.Gpt);
        volume.Backing.ShouldBe("qcow2");
        volume.Partitions.Select(p => p.Key).ShouldBe(["boot", "root", "var", "tmp"]);
        volume.Swap.ShouldBe(ByteSize.FromMiB(128));
        volume.TotalSize.ShouldBe(ByteSize.FromMiB(1024 + 2048 + 512 + 256 + 128));
        var tmp = volume.Partitions[3];
        tmp.MountPoint.ShouldBe("/tmp");
        tmp.MountOptions.ShouldBe(["nodev", "nosuid"]);
        tmp.Mode.ShouldBe("1777");
        tmp.FormatCommand.ShouldBeNull();
        volume.Partitions[2].Filesystem.ShouldBe(FilesystemKind.Xfs);
        volume.BootPartition.Key.ShouldBe("boot");
    }

    [Fact]
    public void Packages_are_split_into_name_and_release_and_local_debs_resolve_against_the_manifest_directory()
    {
        var manifest = TestManifests.BindCore(TestManifests.Minimal + """

            packages:
              components: [main, contrib]
              install:
                - curl
                - linux-image-amd64/bookworm-backports
                - ./debs/tool_1.0_amd64.deb
                - /opt/debs/other_2.0_all.deb
              install_standard: yes
            """);

        manifest.Packages.Components.ShouldBe(["main", "contrib"]);
        manifest.Packages.Install.ShouldBe(
        [
            new PackageRequest("curl"),
            new PackageRequest("linux-image-amd64", "bookworm-backports"),
            new PackageRequest("tool_1.0_amd64.deb", null, "/srv/manifests/debs/tool_1.0_amd64.deb"),
            new PackageRequest("other_2.0_all.deb", null, "/opt/debs/other_2.0_all.deb"),
        ]);
        manifest.Packages.InstallStandard.ShouldBeTrue();
    }

    [Fact]
    public void The_bootstrapper_section_is_read_with_paths_made_absolute()
    {
        var manifest = TestManifests.BindCore(TestManifests.Minimal.Replace("bootstrapper: {}", """
            bootstrapper:
              workspace: ../work
              tool: debootstrap
              variant: minbase
              mirror: http://mirror.example/debian
              include_packages: [less]
              exclude_packages: [nano]
              tarball: true
              keyring: keys/archive.gpg
              no-check-gpg: false
            """, StringComparison.Ordinal));

        var bootstrapper = manifest.Bootstrapper;
        bootstrapper.Workspace.ShouldBe("/srv/work");
        bootstrapper.Tool.ShouldBe(BootstrapTool.Debootstrap);
        bootstrapper.Variant.ShouldBe("minbase");
        bootstrapper.Mirror.ShouldBe("http://mirror.example/debian");
        bootstrapper.IncludePackages.ShouldBe(["less"]);
        bootstrapper.ExcludePackages.ShouldBe(["nano"]);
        bootstrapper.Tarball.ShouldBeTrue();
        bootstrapper.Keyring.ShouldBe("/srv/manifests/keys/archive.gpg");
        bootstrapper.NoCheckGpg.ShouldBeFalse();
    }

    [Fact]
    public void Apt_sources_preferences_configuration_and_keys_are_read_by_file_name()
    {
        var manifest = TestManifests.BindCore(TestManifests.Minimal + """

            packages:
              sources:
                backports: ["deb http://mirror.example/debian bookworm-backports main"]
              preferences:
                main:
                  - {package: "*", pin: release n=bookworm-backports, pin-priority: 500}
              apt.conf.d:
                00retries: Acquire::Retries "3";
              trusted-keys: [keys/extra.asc]
            """);

        var packages = manifest.Packages;
        packages.Sources["backports"].ShouldBe(["deb http://mirror.example/debian bookworm-backports main"]);
        packages.Preferences["main"].ShouldBe([new AptPin("*", "release n=bookworm-backports", 500)]);
        packages.AptConfig["00retries"].ShouldBe("Acquire::Retries \"3\";");
        packages.TrustedKeys.ShouldBe(["/srv/manifests/keys/extra.asc"]);
    }

    [Fact]
    public void System_settings_and_plugins_are_read()
    {
        var manifest = TestManifests.BindCore(TestManifests.Minimal.Replace("  release: bookworm", """
              release: trixie
              architecture: i386
              bootloader: extlinux
              locale: en_US
              charmap: ISO-8859-1
              timezone: Europe/Berlin
              hostname: box.example
            """, StringComparison.Ordinal) + """

            plugins:
              root_password: {password: secret}
              marker: ~
            """);

        manifest.System.Release.ShouldBe("trixie");
        manifest.System.Architecture.ShouldBe("i386");
        manifest.System.Bootloader.ShouldBe(Bootloader.Extlinux);
        manifest.System.LocaleName.ShouldBe("en_US.ISO-8859-1");
        manifest.System.IsBuiltInLocale.ShouldBeFalse();
        manifest.System.Timezone.ShouldBe("Europe/Berlin");
        manifest.System.Hostname.ShouldBe("box.example");
        manifest.PluginNames.ShouldBe(["root_password", "marker"]);
        manifest.HasPlugin("marker").ShouldBeTrue();
    }
}
