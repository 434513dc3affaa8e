using Kiln.Builds;
using Kiln.Plugins.Prebootstrapped;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.Prebootstrapped;

public sealed class PrebootstrappedPluginTests
{
    [Theory]
    [InlineData("{}")]
    [InlineData("{folder: /nonexistent/trees}")]
    public void The_folder_is_optional(string settings)
    {
        TestManifests.ErrorsOf(WithPlugin(settings)).ShouldBeEmpty();
    }

    [Fact]
    public void Bootstrap_vz_image_and_snapshot_are_refused_with_what_kiln_does_instead()
    {
        TestManifests.ErrorsOf(WithPlugin("{image: /var/tmp/volume.raw.backup, snapshot: snap-0123}"), "m.yml").Select(e => e.ToString()).ShouldBe(
        [
            "m.yml:15:28: `image` named a copy of bootstrap-vz's loopback volume to start from; Kiln bootstraps into a directory and writes the disk at the end, so it saves and reuses that directory: use `folder` (or leave it out for WORKSPACE/prebootstrapped)",
            "m.yml:15:66: `snapshot` named an EBS snapshot of bootstrap-vz's ec2 provider; Kiln saves and reuses the bootstrapped directory instead: use `folder` (or leave it out for WORKSPACE/prebootstrapped)",
        ]);
    }

    [Fact]
    public void The_folder_is_relative_to_the_manifest_and_defaults_to_the_workspace()
    {
        var explicitFolder = TestManifests.Bind(WithPlugin("{folder: trees}"));
        explicitFolder.SettingsOf<PrebootstrappedSettings>().Folder(explicitFolder.Manifest).ShouldBe("/srv/manifests/trees");
        var defaultFolder = TestManifests.Bind(WithPlugin("{}").Replace("bootstrapper: {}", "bootstrapper: {workspace: /var/tmp/w}", StringComparison.Ordinal));
        defaultFolder.SettingsOf<PrebootstrappedSettings>().Folder(defaultFolder.Manifest).ShouldBe("/var/tmp/w/prebootstrapped");
    }

    [Fact]
    public void The_task_takes_the_place_of_the_bootstrap_before_the_chroot_is_prepared()
    {
        var plan = BuildPlanning.CreatePlan(TestManifests.Read(WithPlugin("{}")), TestManifests.Registry);

        var names = plan.Tasks.Select(t => t.Name).ToList();
        names.ShouldNotContain("BootstrapSystem");
        names.IndexOf("BootstrapOrReuseSavedTree").ShouldBeLessThan(names.IndexOf("MountSpecialFilesystems"));
        names.IndexOf("BootstrapOrReuseSavedTree").ShouldBeGreaterThan(names.IndexOf("PrepareAptConfiguration"));
        new BootstrapOrReuseSavedTree().RequiredTools(TestManifests.Bind(TestManifests.Minimal)).Select(t => t.Command).ShouldBe(["mmdebstrap", "chroot", "cp", "rm"]);
    }

    private static string WithPlugin(string settings) => TestManifests.Minimal + $"\nplugins:\n  prebootstrapped: {settings}\n";
}
