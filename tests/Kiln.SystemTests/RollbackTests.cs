using Shouldly;

namespace Kiln.SystemTests;

/// <summary>A build that is interrupted or fails gives back everything it took on the host, in reverse.</summary>
[Trait("Category", "System")]
public sealed class RollbackTests
{
    [SystemFact]
    public Task A_build_interrupted_while_apt_runs_in_the_chroot_leaves_no_mount_no_loop_device_and_no_build_directory() =>
        InterruptAsync("interrupt-debootstrap.yml", "Installing packages", TimeSpan.FromSeconds(6));

    [SystemFact]
    public Task A_build_interrupted_while_mmdebstrap_installs_leaves_no_mount_no_loop_device_and_no_build_directory() =>
        InterruptAsync("interrupt-mmdebstrap.yml", "Bootstrapping the base system", TimeSpan.FromSeconds(25), "--no-cache"); // mmdebstrap itself, not a copy from the cache

    [SystemFact]
    public async Task A_build_whose_format_command_fails_detaches_the_loop_device_and_exits_with_1()
    {
        var manifest = TestManifest("failing-format-command.yml");
        var run = await KilnCli.RunAsync("build", manifest, "--output", Workspace(manifest));
        RolledBackBuild.ShouldHaveLeftNothing(run, Workspace(manifest), Workspace(manifest));
        run.Error.ShouldContain("exit code 3");
        var log = File.ReadAllText(Directory.GetFiles(Path.Combine(Workspace(manifest), "logs")).OrderBy(File.GetLastWriteTimeUtc).Last());
        log.ShouldContain("undo: detach /dev/loop", Case.Sensitive, "the rollback should have had a loop device to detach");
    }

    private static async Task InterruptAsync(string name, string progressLine, TimeSpan delay, params string[] options)
    {
        var manifest = TestManifest(name);
        foreach (var image in Directory.Exists(Workspace(manifest)) ? Directory.GetFiles(Workspace(manifest), "*.qcow2") : [])
        {
            File.Delete(image); // an image that a failed earlier run completed
        }

        var run = await KilnCli.RunAsync(["build", manifest, "--output", Workspace(manifest), .. options], output => output.Contains(progressLine, StringComparison.Ordinal), delay);
        run.ExitCode.ShouldBe(130, run.ToString());
        run.Error.ShouldContain("interrupted");
        var leftovers = HostState.Below(Workspace(manifest));
        leftovers.IsEmpty.ShouldBeTrue(leftovers.ToString());
        BuildDirectories(manifest).ShouldBeEmpty();
        Directory.GetFiles(Workspace(manifest), "*.qcow2").ShouldBeEmpty();
    }

    private static string TestManifest(string name) => Path.Combine(AppContext.BaseDirectory, "Manifests", name);

    private static string Workspace(string manifest) => $"/var/tmp/kiln-system-tests/{Path.GetFileNameWithoutExtension(manifest)}";

    private static string[] BuildDirectories(string manifest) =>
        Directory.Exists(Workspace(manifest)) ? Directory.GetDirectories(Workspace(manifest), "kiln-*") : [];
}
