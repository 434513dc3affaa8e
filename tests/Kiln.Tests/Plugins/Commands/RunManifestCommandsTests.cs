using Kiln.Host;
using Kiln.Plugins.Commands;
using Kiln.Plugins.FileCopy;
using Kiln.Tests.Fakes;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.Commands;

public sealed class RunManifestCommandsTests
{
    private readonly FakeCommandRunner _runner = new();

    [Fact]
    public async Task A_command_of_one_part_runs_in_a_shell_and_one_of_several_parts_runs_directly_from_the_manifests_directory()
    {
        var manifest = TestManifests.Bind(CommandsPluginTests.WithCommands("[['chroot {root} rm -rf /usr/share/locale/[^e]*'], [touch, '{root}/etc/{system.release}']]"));
        var context = TestBuildContexts.Create(manifest, _runner);

        await new RunManifestCommands().RunAsync(context, CancellationToken.None);

        _runner.Argvs.ShouldBe(
        [
            ["/bin/sh", "-c", "chroot /nonexistent/workspace/kiln-test/tree/root rm -rf /usr/share/locale/[^e]*"],
            ["touch", "/nonexistent/workspace/kiln-test/tree/root/etc/bookworm"],
        ]);
        _runner.Commands.ShouldAllBe(command => command.WorkingDirectory == "/srv/manifests");
    }

    [Fact]
    public async Task A_failing_command_fails_the_task_and_the_later_commands_do_not_run()
    {
        var context = TestBuildContexts.Create(TestManifests.Bind(CommandsPluginTests.WithCommands("[['false'], [touch, '{root}/never']]")), _runner.Returns("/bin/sh", 1));

        var error = await Should.ThrowAsync<CommandFailedException>(() => new RunManifestCommands().RunAsync(context, CancellationToken.None));

        error.Message.ShouldBe("`/bin/sh -c false` failed with exit code 1");
        _runner.Argvs.ShouldBe([["/bin/sh", "-c", "false"]]);
    }

    [Fact]
    public void The_commands_run_after_the_files_are_copied_and_the_directories_made()
    {
        new RunManifestCommands().Predecessors.ShouldBe([typeof(CreateDirectories), typeof(CopyFiles)]);
    }

    [Fact]
    public async Task The_commands_get_the_builds_source_date_epoch_as_the_programs_in_the_chroot_do()
    {
        var context = TestBuildContexts.Create(TestManifests.Bind(CommandsPluginTests.WithCommands("[[touch, '{root}/stamp']]")), _runner);
        context.UseSourceDateEpoch(new Kiln.Specs.SourceDateEpoch(1_700_000_000, "a test"));

        await new RunManifestCommands().RunAsync(context, CancellationToken.None);

        _runner.Commands.Single().Environment["SOURCE_DATE_EPOCH"].ShouldBe("1700000000");
    }
}
