using Kiln.Host;
using Shouldly;

namespace Kiln.SystemTests;

/// <summary>A build that is interrupted or fails gives back everything it took on the host, in reverse.</summary>
[Trait("Category", "System")]
public sealed class RollbackTests
{
    [SystemFact]
    public Task A_build_interrupted_while_apt_runs_in_the_chroot_leaves_no_mount_no_loop_device_and_no_build_directory() =>
        InterruptAsync("interrupt-debootstrap.yml", "[chroot] Unpacking ");

    [SystemFact]
    public Task A_build_interrupted_while_mmdebstrap_installs_leaves_no_mount_no_loop_device_and_no_build_directory() =>
        InterruptAsync("interrupt-mmdebstrap.yml", "[mmdebstrap] Setting up ", "--no-cache"); // mmdebstrap itself, not a tree from the cache

    [SystemFact]
    public async Task A_build_whose_format_command_fails_detaches_the_loop_device_and_exits_with_1()
    {
        var manifest = TestManifest("failing-format-command.yml");
        var run = await KilnCli.RunAsync("build", manifest, "--output", Workspace(manifest));
        RolledBackBuild.ShouldHaveLeftNothing(run, Workspace(manifest), Workspace(manifest));
        run.Error.ShouldContain("exit code 3");
        var log = File.ReadAllText(Directory.GetFiles(Path.Combine(Workspace(manifest), "logs")).OrderBy(File.GetLastWriteTimeUtc).Last());
        log.ShouldContain("undo: detach /dev/loop", Case.Sensitive, "the rollback should have had a loop device to detach");
        RemoveWorkspace(manifest);
    }

    /// <summary>
    /// Builds <paramref name="name"/> and interrupts it (SIGINT, as Ctrl-C) once its log shows <paramref name="logLine"/>,
    /// whatever the archive's speed: a fixed delay (25 s after the bootstrap began) came after the build's end on a
    /// fast day.
    /// </summary>
    private static async Task InterruptAsync(string name, string logLine, params string[] options)
    {
        var manifest = TestManifest(name);
        RemoveEarlierImages(manifest);
        using var kiln = KilnProcess.Start(["build", manifest, "--output", Workspace(manifest), .. options]);
        (await kiln.WaitForLogAsync(logLine, TimeSpan.FromMinutes(10))).ShouldBeTrue(kiln.Output);
        kiln.Signal(ProcessSignals.SigInt);
        var run = await kiln.WaitForExitAsync(TimeSpan.FromMinutes(5));
        run.ExitCode.ShouldBe(130, run.ToString());
        run.Output.ShouldContain("interrupted");
        ShouldHaveLeftNothing(manifest);
    }

    private static void RemoveEarlierImages(string manifest)
    {
        foreach (var image in Directory.Exists(Workspace(manifest)) ? Directory.GetFiles(Workspace(manifest), "*.qcow2") : [])
        {
            File.Delete(image); // an image that a failed earlier run completed
        }
    }

    private static void ShouldHaveLeftNothing(string manifest)
    {
        var leftovers = HostState.Below(Workspace(manifest));
        leftovers.IsEmpty.ShouldBeTrue(leftovers.ToString());
        BuildDirectories(manifest).ShouldBeEmpty();
        Directory.GetFiles(Workspace(manifest), "*.qcow2").ShouldBeEmpty();
        RemoveWorkspace(manifest);
    }

    /// <summary>The workspace (its logs) goes once the test passed; a failed test leaves it to be read.</summary>
    private static void RemoveWorkspace(string manifest)
    {
        TestDirectory.Remove(Workspace(manifest));
        var parent = Path.GetDirectoryName(Workspace(manifest))!;
        if (Directory.Exists(parent) && Directory.GetFileSystemEntries(parent).Length == 0)
        {
            Directory.Delete(parent);
        }
    }

    private static string TestManifest(string name) => Path.Combine(AppContext.BaseDirectory, "Manifests", name);

    private static string Workspace(string manifest) => $"/var/tmp/kiln-system-tests/{Path.GetFileNameWithoutExtension(manifest)}";

    private static string[] BuildDirectories(string manifest) =>
        Directory.Exists(Workspace(manifest)) ? Directory.GetDirectories(Workspace(manifest), "kiln-*") : [];
}
