using Kiln.Host;
using Shouldly;

namespace Kiln.SystemTests;

/// <summary>
/// Fault injection: a small image (ext4 root and an XFS /var, so that a loop device and a mount are taken while
/// the filesystems are written) is interrupted with SIGINT, SIGTERM and SIGHUP at the start of every phase that
/// takes something from the host, and killed with SIGKILL (its process group; kiln alone). Each time nothing
/// may be left: no mount, loop device or process under the test's workspace, no file under a final name in the
/// output, and the next build in the workspace succeeds. The tree is bootstrapped once and reused (prebootstrapped).
/// </summary>
[Trait("Category", "System")]
public sealed class CrashSafetyTests : IDisposable
{
    private static readonly (string Phase, string Line)[] AcquiringPhases =
    [
        ("preparation", "Creating the build directory"),
        ("volume_creation", "Creating the disk image file"),
        ("os_installation", "Mounting /proc, /sys and /dev in the root"),
        ("volume_unmounting", "Writing the filesystems into the disk image"),
        ("image_registration", "Writing the image in its final format"),
    ];

    private static readonly string[] BatchNames = ["crash-first", "crash-second"];

    private readonly string _directory = Directory.CreateTempSubdirectory("kiln-crash-").FullName;

    private string Workspace => Path.Combine(_directory, "workspace");

    private string Output => Path.Combine(_directory, "output");

    private string Manifest => Path.Combine(_directory, "crash.yml");

    [SystemFact]
    public async Task Every_signal_at_every_acquiring_phase_and_a_sigkill_leave_nothing_and_the_next_build_succeeds()
    {
        await File.WriteAllTextAsync(Manifest, ManifestText());
        (await BuildAsync()).ExitCode.ShouldBe(0, "the first build saves the tree the others reuse");
        foreach (var file in Directory.GetFiles(Output))
        {
            File.Delete(file);
        }

        foreach (var (phase, line) in AcquiringPhases)
        {
            foreach (var (name, signal) in new[] { ("SIGINT", ProcessSignals.SigInt), ("SIGTERM", ProcessSignals.SigTerm), ("SIGHUP", ProcessSignals.SigHup) })
            {
                using var kiln = KilnProcess.Start(BuildArguments());
                (await kiln.WaitForAsync(line, TimeSpan.FromMinutes(5))).ShouldBeTrue($"{phase}: {line} never came\n{kiln.Output}");
                kiln.Signal(signal);
                var run = await kiln.WaitForExitAsync(TimeSpan.FromMinutes(5));
                var what = $"{name} at the start of {phase}";
                run.ExitCode.ShouldBe(130, $"{what}\n{run}");
                run.Output.ShouldContain("the build was interrupted; everything it had set up was undone", Case.Sensitive, what);
                NothingLeft(what);
            }
        }

        // SIGKILL of kiln's whole process group while mmdebstrap's tree is in use: nothing rolls back, kiln clean does.
        using (var killed = KilnProcess.Start(BuildArguments()))
        {
            (await killed.WaitForAsync("Installing packages", TimeSpan.FromMinutes(5))).ShouldBeTrue(killed.Output);
            killed.KillGroup();
            await killed.WaitForExitAsync(TimeSpan.FromMinutes(1));
        }

        Directory.GetDirectories(Workspace, "kiln-*").ShouldNotBeEmpty("a killed build leaves its directory for recovery");
        var clean = await KilnCli.RunAsync("clean", Workspace);
        clean.ExitCode.ShouldBe(0, clean.ToString());
        clean.Output.ShouldContain("1 stale build(s) cleaned");
        NothingLeft("SIGKILL of the process group, then kiln clean");

        // SIGKILL of kiln alone: its guard kills the children, the next build recovers the rest.
        using (var killed = KilnProcess.Start(BuildArguments()))
        {
            (await killed.WaitForAsync("Installing packages", TimeSpan.FromMinutes(5))).ShouldBeTrue(killed.Output);
            killed.Signal(ProcessSignals.SigKill);
            await killed.WaitForExitAsync(TimeSpan.FromMinutes(1));
        }

        await Task.Delay(TimeSpan.FromSeconds(5));
        ProcessTree.RootedIn(Workspace).ShouldBeEmpty("the guard kills what kiln started when kiln is killed");
        var next = await BuildAsync();
        next.ExitCode.ShouldBe(0, next.ToString());
        next.Output.ShouldContain("left by a build whose process is gone");
        File.Exists(Path.Combine(Output, "crash.raw")).ShouldBeTrue();
        HostState.Below(Workspace).IsEmpty.ShouldBeTrue();
    }

    [SystemFact]
    public async Task A_second_build_of_the_same_image_refuses_at_once_naming_the_first()
    {
        await File.WriteAllTextAsync(Manifest, ManifestText());
        using var first = KilnProcess.Start(BuildArguments());
        (await first.WaitForAsync("Creating the build directory", TimeSpan.FromMinutes(2))).ShouldBeTrue(first.Output);

        var second = await BuildAsync();

        second.ExitCode.ShouldBe(2, second.ToString());
        second.Error.ShouldContain($"is being written by another build (kiln process {first.Id}");
        first.Signal(ProcessSignals.SigInt);
        (await first.WaitForExitAsync(TimeSpan.FromMinutes(5))).ExitCode.ShouldBe(130);
        NothingLeft("two builds");
    }

    [SystemFact]
    public async Task A_killed_run_of_several_manifests_leaves_its_shared_trees_for_kiln_clean_to_remove()
    {
        var manifests = BatchNames.Select(name =>
        {
            var path = Path.Combine(_directory, name + ".yml");
            File.WriteAllText(path, ManifestText().Replace("name: crash", $"name: {name}", StringComparison.Ordinal).Split("  prebootstrapped:")[0] + "  root_password:\n    password: crash\n");
            return path;
        }).ToArray();
        using (var killed = KilnProcess.Start([.. BuildArguments().Where(a => a != Manifest), .. manifests, "--no-cache", "--jobs", "2"]))
        {
            (await killed.WaitForAsync("Bootstrapping", TimeSpan.FromMinutes(5))).ShouldBeTrue(killed.Output);
            if (HostMemory.Available() >= Kiln.Disks.ByteSize.Parse("16GiB"))
            {
                killed.Output.ShouldContain("the run keeps its shared trees in memory", Case.Sensitive);
                killed.Output.ShouldContain("building in memory", Case.Sensitive);
            }

            killed.KillGroup();
            await killed.WaitForExitAsync(TimeSpan.FromMinutes(1));
        }

        Directory.GetDirectories(Workspace, ".kiln-run-*-trees").ShouldNotBeEmpty("a killed run leaves its store for recovery");
        var clean = await KilnCli.RunAsync("clean", Workspace);
        clean.ExitCode.ShouldBe(0, clean.ToString());
        NothingLeft("SIGKILL of a run of two manifests, then kiln clean");
        Directory.GetDirectories(Workspace, ".kiln-run-*").ShouldBeEmpty("kiln clean removes a dead run's store");
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory) && HostState.Below(_directory).IsEmpty)
        {
            TestDirectory.Remove(_directory);
        }
    }

    private Task<KilnRun> BuildAsync() => KilnCli.RunAsync([.. BuildArguments()], environment: null);

    private string[] BuildArguments() => ["build", Manifest, "--output", Output, "--workspace", Workspace, "--log", Path.Combine(_directory, "logs")];

    private void NothingLeft(string what)
    {
        var leftovers = HostState.Below(Workspace);
        leftovers.IsEmpty.ShouldBeTrue($"{what}: {leftovers}");
        ProcessTree.RootedIn(Workspace).ShouldBeEmpty($"{what}: processes still run in the workspace");
        Directory.GetDirectories(Workspace, "kiln-*").ShouldBeEmpty($"{what}: a build directory is left");
        Directory.GetFiles(Workspace, "kiln-*.journal").ShouldBeEmpty($"{what}: a journal is left");
        var outputs = Directory.Exists(Output) ? Directory.GetFiles(Output) : [];
        outputs.ShouldBeEmpty($"{what}: files are left in the output directory");
    }

    private string ManifestText() => $"""
        name: crash
        provider:
          name: kvm
          ssh: false
        bootstrapper:
          variant: minbase
        system:
          release: trixie
        volume:
          backing: raw
          partitions:
            type: msdos
            root:
              filesystem: ext4
              size: 1536MiB
            var:
              filesystem: xfs
              size: 320MiB
        plugins:
          prebootstrapped:
            folder: {Path.Combine(_directory, "trees")}
          root_password:
            password: crash
        """;
}
