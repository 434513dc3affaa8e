using Shouldly;

namespace Kiln.SystemTests;

/// <summary>
/// Several manifests in one <c>kiln build</c>: builds with one bootstrap share it, two run at once, a failing
/// one is rolled back alone while the others are published, and the run ends with one summary and exit code 1.
/// Without the cache (and with the memory) the run's store and its builds are in memory; with the cache, the builds
/// are in memory and layered on the cached tree.
/// </summary>
[Trait("Category", "System")]
public sealed class ManyImagesTests
{
    [SystemFact]
    public Task Three_manifests_with_one_bootstrap_bootstrap_once_and_a_failing_one_is_rolled_back_alone() =>
        InBatchDirectoryAsync("kiln-many-images-", async (directory, output, logs, workspace) =>
        {
            var first = WriteEcho(directory, "batch-first", "echo first > {root}/etc/kiln-batch");
            var second = WriteEcho(directory, "batch-second", "echo second > {root}/etc/kiln-batch");
            var broken = WriteEcho(directory, "batch-broken", "echo this command fails on purpose >&2; exit 7");

            // --no-cache: the trees are shared through the run's own store, so the sharing is this run's, not an earlier test's.
            var run = await KilnCli.RunAsync("build", first, second, broken, "--jobs", "2", "--no-cache", "--output", output, "--log", logs, "--workspace", workspace);

            run.ExitCode.ShouldBe(1, run.ToString());
            run.All.ShouldContain("building 3 images, 2 at a time", Case.Sensitive, run.ToString());
            run.All.ShouldContain("2 of 3 images built", Case.Sensitive, run.ToString());
            run.All.ShouldMatch(@"batch-broken\s+failed, rolled back", run.ToString());
            run.All.ShouldContain("exit code 7", Case.Sensitive, run.ToString());

            File.Exists(Path.Combine(output, "batch-first.raw")).ShouldBeTrue(run.ToString());
            File.Exists(Path.Combine(output, "batch-second.raw")).ShouldBeTrue(run.ToString());
            Directory.GetFiles(output, "batch-broken*").ShouldBeEmpty("the failed build must publish nothing");
            Directory.GetFiles(output, ".*").ShouldBeEmpty("no temporary output may be left");

            var buildLogs = BuildLogs(logs);
            buildLogs.Count.ShouldBe(3);
            buildLogs.Count(l => l.Contains(": miss, ", StringComparison.Ordinal)).ShouldBe(1, "one build bootstraps");
            buildLogs.Count(l => l.Contains(": hit, ", StringComparison.Ordinal)).ShouldBe(2, "the other two use its tree");
            if (HasMemoryForBatches)
            {
                // The run keeps no tree on disk: its store and its builds are in memory, and the hits are layered on the stored tree.
                run.All.ShouldContain("the run keeps its shared trees in memory", Case.Sensitive, run.ToString());
                buildLogs.ShouldAllBe(l => l.Contains("building in memory", StringComparison.Ordinal));
                buildLogs.Count(l => l.Contains("the root is layered on it", StringComparison.Ordinal)).ShouldBe(3, "a build in memory is layered on a store in memory");
                buildLogs.Count(l => l.Contains("the new tree is stored; the root is layered on it", StringComparison.Ordinal)).ShouldBe(1, "the miss bootstraps straight into the store, and is layered on it too");
            }

            Directory.GetFiles(logs, "run-*.log").Length.ShouldBe(1, "the run has a log of its own");
        });

    [SystemFact]
    public Task Two_manifests_with_the_cache_build_in_memory_and_are_layered_on_the_cached_tree() =>
        InBatchDirectoryAsync("kiln-many-cached-", async (directory, output, logs, workspace) =>
        {
            var first = WriteEcho(directory, "cached-first", "echo first > {root}/etc/kiln-batch");
            var second = WriteEcho(directory, "cached-second", "echo second > {root}/etc/kiln-batch");

            // The suite's cache: an earlier test may have stored this system (then both builds hit), or this run stores it.
            var run = await KilnCli.RunAsync("build", first, second, "--jobs", "2", "--output", output, "--log", logs, "--workspace", workspace);

            run.ExitCode.ShouldBe(0, run.ToString());
            run.All.ShouldContain("2 of 2 images built", Case.Sensitive, run.ToString());
            var buildLogs = BuildLogs(logs);
            buildLogs.Count.ShouldBe(2);
            buildLogs.Count(l => l.Contains("cache: miss, ", StringComparison.Ordinal)).ShouldBeLessThanOrEqualTo(1, "the second build waits for the first one's tree");
            buildLogs.Count(l => l.Contains("cache: hit, ", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(1);
            if (HasMemoryForBatches)
            {
                // A miss bootstraps into the cache through a bind mount; both roots are layered on the stored tree, their upper layers in memory.
                run.All.ShouldNotContain("the run keeps its shared trees in memory", Case.Sensitive, "the run has no store of its own with the cache");
                buildLogs.ShouldAllBe(l => l.Contains("building in memory", StringComparison.Ordinal));
                buildLogs.ShouldAllBe(l => l.Contains("the root is layered on it", StringComparison.Ordinal));
            }

            foreach (var (name, text) in new[] { ("cached-first", "first\n"), ("cached-second", "second\n") })
            {
                using var inspector = new ImageInspector(Path.Combine(output, name + ".raw"));
                inspector.ReadFile("/etc/kiln-batch").ShouldBe(text, "each build's change is its own, not the other's through the shared tree");
            }
        });

    private static bool HasMemoryForBatches => Kiln.Host.HostMemory.Available() >= Kiln.Disks.ByteSize.Parse("16GiB");

    /// <summary>
    /// Runs <paramref name="test"/> with a directory for its manifests, the output and the logs in it, and a workspace
    /// in /var/tmp; afterwards the workspace must hold nothing, and both go.
    /// </summary>
    private static async Task InBatchDirectoryAsync(string prefix, Func<string, string, string, string, Task> test)
    {
        var directory = Directory.CreateTempSubdirectory(prefix).FullName;
        var workspace = Path.Combine("/var/tmp", Path.GetFileName(directory));
        try
        {
            await test(directory, Path.Combine(directory, "out"), Path.Combine(directory, "logs"), workspace);

            var leftovers = HostState.Below(workspace);
            leftovers.IsEmpty.ShouldBeTrue(leftovers.ToString());
            Directory.GetFileSystemEntries(workspace).ShouldBeEmpty("the build directories and the run's tree store should be gone");
        }
        finally
        {
            if (Directory.Exists(workspace) && HostState.Below(workspace).IsEmpty)
            {
                TestDirectory.Remove(workspace);
            }

            TestDirectory.Remove(directory);
        }
    }

    /// <summary>The logs of the run's builds (not the run's own).</summary>
    private static List<string> BuildLogs(string logs) =>
        [.. Directory.GetFiles(logs, "*.log").Where(f => !Path.GetFileName(f).StartsWith("run-", StringComparison.Ordinal)).Select(File.ReadAllText)];

    /// <summary>The small manifest <paramref name="name"/> with the commands plugin running <paramref name="script"/> with sh.</summary>
    private static string WriteEcho(string directory, string name, string script)
    {
        var path = Path.Combine(directory, name + ".yml");
        File.WriteAllText(path, SmallManifest.Text(name, $"""
              commands:
                commands:
                  - [sh, -c, '{script}']
            """));
        return path;
    }
}
