using Kiln.Builds;
using Kiln.Common.Workspace;
using Kiln.Plugins.Hooks;
using Kiln.Plugins.TmpfsWorkspace;
using Kiln.Tasks;
using Kiln.Tests.Fakes;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.TmpfsWorkspace;

public sealed class TmpfsWorkspacePluginTests
{
    [Theory]
    [InlineData("{}")]
    [InlineData("{size: 6GiB}")]
    [InlineData("{size: 64MB}")]
    public void No_settings_or_a_size_are_valid(string settings)
    {
        TestManifests.ErrorsOf(WithPlugin(settings)).ShouldBeEmpty();
    }

    [Fact]
    public void A_size_too_small_for_any_debian_tree_is_refused()
    {
        TestManifests.ErrorsOf(WithPlugin("{size: 512KiB}"), "m.yml").Select(e => e.ToString())
            .ShouldBe(["m.yml:15:27: a tmpfs of 512KiB cannot hold a Debian tree; give at least 64MiB, or leave size out for half the RAM"]);
    }

    [Fact]
    public void A_size_that_is_not_a_size_is_refused_by_the_schema()
    {
        TestManifests.ErrorsOf(WithPlugin("{size: 4 GB}"), "m.yml").Select(e => e.ToString())
            .ShouldBe(["m.yml:15:27: `4 GB` is not valid for `plugins.tmpfs_workspace.size`; expected the most memory the build directory may take, such as 4GiB (default half the RAM)"]);
    }

    [Fact]
    public void The_mount_command_gives_the_size_in_bytes_when_there_is_one()
    {
        MountTmpfsOnBuildDirectory.MountCommand("/var/tmp/kiln/kiln-1", new TmpfsWorkspaceSettings(null)).Argv
            .ShouldBe(["mount", "-t", "tmpfs", "-o", "mode=0755", "kiln-tmpfs", "/var/tmp/kiln/kiln-1"]);
        MountTmpfsOnBuildDirectory.MountCommand("/var/tmp/kiln/kiln-1", new TmpfsWorkspaceSettings(Kiln.Disks.ByteSize.Parse("2GiB"))).Argv
            .ShouldBe(["mount", "-t", "tmpfs", "-o", "mode=0755,size=2147483648", "kiln-tmpfs", "/var/tmp/kiln/kiln-1"]);
    }

    [Fact]
    public async Task The_tmpfs_is_mounted_registered_for_unmounting_and_the_scratch_directory_made_again()
    {
        using var workspace = new TemporaryWorkspace();
        var runner = new FakeCommandRunner();
        var context = workspace.Context(TestManifests.Bind(WithPlugin("{size: 1GiB}")), runner);
        var announced = new List<string>();
        context.Announce = announced.Add;

        await new MountTmpfsOnBuildDirectory().RunAsync(context, CancellationToken.None);

        runner.Argvs.ShouldBe([["mount", "-t", "tmpfs", "-o", "mode=0755,size=1073741824", "kiln-tmpfs", context.Paths.BuildDirectory]]);
        Directory.Exists(context.Paths.Scratch).ShouldBeTrue();
        announced.ShouldBe([$"building in memory: a tmpfs on {context.Paths.BuildDirectory} of at most 1GiB"]);
        context.Undo.Descriptions.ShouldBe([$"unmount the tmpfs on {context.Paths.BuildDirectory}"]);

        await context.Undo.UnwindAsync(CancellationToken.None);

        runner.Argvs[^1].ShouldBe(["umount", context.Paths.BuildDirectory]);
    }

    [Fact]
    public void The_tmpfs_is_mounted_right_after_the_build_directory_exists_and_before_the_hooks_register_their_calls()
    {
        var plan = Planner.CreatePlan(TaskCatalog.Of([new CreateBuildDirectory(), new PrepareHookCalls(), new MountTmpfsOnBuildDirectory()]),
            new TaskSet().Add<PrepareHookCalls>().Add<MountTmpfsOnBuildDirectory>().Add<CreateBuildDirectory>());

        plan.Tasks.Select(t => t.Name).ShouldBe(["CreateBuildDirectory", "MountTmpfsOnBuildDirectory", "PrepareHookCalls"]);
    }

    [Fact]
    public void The_plugin_adds_its_task_to_a_full_plan_after_the_build_directory_is_made()
    {
        var plan = BuildPlanning.CreatePlan(TestManifests.Read(WithPlugin("{}")), TestManifests.Registry);

        var names = plan.Tasks.Select(t => t.Name).ToList();
        names.IndexOf("MountTmpfsOnBuildDirectory").ShouldBeGreaterThan(names.IndexOf("CreateBuildDirectory"));
        new MountTmpfsOnBuildDirectory().RequiredTools(TestManifests.Bind(WithPlugin("{}"))).Select(t => t.Command).ShouldBe(["mount", "umount"]);
    }

    private static string WithPlugin(string settings) => TestManifests.Minimal + $"\nplugins:\n  tmpfs_workspace: {settings}\n";
}
