using Kiln.Common;
using Kiln.Plugins.ExpandRoot;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.ExpandRoot;

public sealed class InstallExpandRootServiceTests
{
    [Fact]
    public async Task The_script_and_the_unit_are_installed_and_the_unit_is_enabled()
    {
        using var image = new TemporaryImageRoot(TestManifests.Bind(ExpandRootPluginTests.WithPlugin(string.Empty)));

        await new InstallExpandRootService().RunAsync(image.Context, CancellationToken.None);

        image.Read("/usr/local/sbin/kiln-expand-root").ShouldStartWith("#!/bin/sh\n");
        File.GetUnixFileMode(image.Context.Paths.InRoot("/usr/local/sbin/kiln-expand-root")).ShouldBe(ImageFiles.Executable);
        image.Read("/etc/systemd/system/kiln-expand-root.service").ShouldContain("\nExecStart=/usr/local/sbin/kiln-expand-root\n");
        image.Context.EnabledUnits.ShouldBe(["kiln-expand-root.service"]);
    }

    [Fact]
    public void The_unit_finds_everything_at_boot_when_the_manifest_gives_no_option()
    {
        InstallExpandRootService.Unit(new ExpandRootSettings(null, null, null)).ShouldBe("""
            # Installed by Kiln (expand_root plugin): the root partition and filesystem fill the disk, at every boot,
            # so a disk made larger than the image grows the root the next time the machine starts.
            [Unit]
            Description=Grow the root partition and filesystem to the end of the disk
            After=systemd-remount-fs.service
            Before=multi-user.target

            [Service]
            Type=oneshot
            RemainAfterExit=yes
            ExecStart=/usr/local/sbin/kiln-expand-root

            [Install]
            WantedBy=multi-user.target

            """);
    }

    [Fact]
    public void The_bootstrap_vz_options_are_passed_to_the_script()
    {
        InstallExpandRootService.Unit(new ExpandRootSettings("xfs", "/dev/vda", 2))
            .ShouldContain("\nExecStart=/usr/local/sbin/kiln-expand-root --device /dev/vda --partition 2 --filesystem xfs\n");
    }
}
