using Kiln.Caching;
using Kiln.Disks;
using Kiln.Tests.Fakes;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Caching;

public sealed class RunTreeStoreTests : IDisposable
{
    private readonly string _workspace = Directory.CreateTempSubdirectory("kiln-run-trees-").FullName;

    public void Dispose() => Directory.Delete(_workspace, recursive: true);

    [Fact]
    public void Its_tmpfs_is_limited_only_for_root_and_never_moves_access_times()
    {
        RunTreeStore.MountCommand("/var/tmp/kiln/.kiln-run-42-trees", ByteSize.Parse("2560MiB")).Argv
            .ShouldBe(["mount", "-t", "tmpfs", "-o", "mode=0700,noatime,size=2684354560", "kiln-run-trees", "/var/tmp/kiln/.kiln-run-42-trees"]);
    }

    [Fact]
    public async Task The_stores_of_dead_runs_are_removed_and_a_live_runs_store_is_not()
    {
        var dead = Directory.CreateDirectory(Path.Combine(_workspace, ".kiln-run-2147483646-trees")).FullName;
        Directory.CreateDirectory(Path.Combine(_workspace, $".kiln-run-{Environment.ProcessId}-trees"));
        var runner = new FakeCommandRunner();

        await RunTreeStore.RemoveAbandonedAsync(runner, _workspace);

        runner.Argvs.ShouldBe([["rm", "-rf", "--one-file-system", "--", dead]]);
    }

    [Fact]
    public async Task A_run_removes_its_own_store_and_the_dead_ones()
    {
        var dead = Directory.CreateDirectory(Path.Combine(_workspace, ".kiln-run-2147483646-trees")).FullName;
        var store = RunTreeStore.Create(_workspace);
        var runner = new FakeCommandRunner();
        await store.MountInMemoryAsync(runner, ByteSize.Parse("1GiB"), CancellationToken.None);

        await store.RemoveAsync(runner);

        runner.Argvs.Select(a => a[0]).ShouldBe(["mount", "rm", "rm"]);
        runner.Argvs[1][^1].ShouldBe(dead);
        runner.Argvs[2][^1].ShouldBe(store.Directory);
    }
}
