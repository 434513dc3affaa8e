using Kiln.Builds;
using Kiln.Providers.Docker;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Providers.Docker;

public sealed class DockerProviderTests
{
    private const string Manifest = """
        name: kiln/debian:{system.release}
        provider:
          name: docker
          labels:
            summary: Debian {system.release}
          dockerfile:
            - CMD /bin/bash
        bootstrapper: {}
        system:
          release: bookworm
          bootloader: none
        volume:
          backing: folder
          partitions:
            type: none
            root:
              filesystem: ext4
              size: 1GiB
        """;

    [Fact]
    public void A_container_image_is_an_oci_archive_and_a_docker_archive_without_a_disk()
    {
        var spec = TestManifests.Read(Manifest);

        spec.Layout.ShouldBeNull();
        spec.Outputs.DiskImage.ShouldBeNull();
        spec.Outputs.All.OfType<ContainerArchiveOutput>().Select(o => (Path.GetFileName(o.Path), o.Format, o.Reference)).ShouldBe(
        [
            ("kiln_debian_bookworm.oci.tar", "oci-archive", "kiln/debian:bookworm"),
            ("kiln_debian_bookworm.docker.tar", "docker-archive", "kiln/debian:bookworm"),
        ]);
    }

    [Fact]
    public void The_plan_has_no_kernel_bootloader_disk_or_network_configuration_and_writes_the_layer_before_the_tree_goes()
    {
        var spec = TestManifests.Read(Manifest);

        var names = BuildPlanning.CreatePlan(spec, TestManifests.Registry).Tasks.Select(t => t.Name).ToList();

        names.ShouldNotContain("CreateDiskImage");
        names.ShouldNotContain("ConfigureNetwork");
        names.ShouldNotContain("WriteBootRecord");
        names.ShouldContain("KeepDaemonsStopped");
        names.IndexOf("WriteContainerLayer").ShouldBeLessThan(names.IndexOf("RemoveRootTree"));
        names.IndexOf("WriteContainerImages").ShouldBeLessThan(names.IndexOf("PublishOutputs"));
    }

    [Fact]
    public void Labels_start_with_name_architecture_and_build_date_and_the_manifests_are_filled_in()
    {
        var spec = TestManifests.Read(Manifest);

        var (config, problems) = ContainerImageSettings.Resolve(spec, spec.SettingsOf<DockerSettings>(), TestManifests.BuildTime);

        problems.ShouldBeEmpty();
        config.Labels.ShouldBe(
        [
            new("name", "kiln/debian:bookworm"),
            new("architecture", "amd64"),
            new("build-date", "2024-03-05T14:07:09Z"),
            new("summary", "Debian bookworm"),
        ]);
        config.Cmd.ShouldBe(["/bin/sh", "-c", "/bin/bash"]);
    }

    [Theory]
    [InlineData("    - CMD /bin/bash", "    - RUN apt-get update", 7, "expected a Dockerfile instruction docker import takes")]
    [InlineData("    - CMD /bin/bash", "    - EXPOSE http", 7, "EXPOSE: `http` is not a port")]
    [InlineData("    summary: Debian {system.release}", "    summary: Debian {system.nothing}", 5, "system.nothing")]
    [InlineData("    summary: Debian {system.release}", "    distribution-scope: world", 5, "allowed: private, authoritative-source-only")]
    [InlineData("  bootloader: none", "  bootloader: grub", 11, "a container image has no bootloader")]
    [InlineData("  backing: folder", "  backing: qcow2", 13, "written from the root tree")]
    [InlineData("name: kiln/debian:{system.release}", "name: Kiln/Debian", 1, "not a container repository name")]
    public void Bad_settings_are_refused_where_they_are_written(string line, string replacement, int lineNumber, string reason)
    {
        var error = TestManifests.ErrorsOf(Manifest.Replace(line, replacement, StringComparison.Ordinal)).ShouldHaveSingleItem();

        error.Location.Line.ShouldBe(lineNumber);
        error.ToString().ShouldContain(reason);
    }
}
