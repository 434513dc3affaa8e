using Kiln.Caching;
using Kiln.Host;
using Kiln.Tests.Plugins;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Caching;

public sealed class TreeStoreTests : IDisposable
{
    private readonly TemporaryWorkspace _workspace = new();

    [Fact]
    public void A_new_an_empty_and_a_kiln_folder_can_keep_saved_trees()
    {
        var folder = Path.Combine(_workspace.Directory, "trees");
        TreeStore.Problem(folder).ShouldBeNull();
        Directory.CreateDirectory(folder);
        TreeStore.Problem(folder).ShouldBeNull();

        new TreeStore(folder).Create();
        Directory.CreateDirectory(Path.Combine(folder, "0123456789abcdef"));

        TreeStore.Problem(folder).ShouldBeNull();
        File.ReadAllText(Path.Combine(folder, "kiln-saved-trees.txt")).ShouldStartWith("Kiln keeps the trees of bootstrapped Debian systems here");
    }

    [Fact]
    public void A_folder_with_other_files_and_a_file_are_refused()
    {
        var foreign = Path.Combine(_workspace.Directory, "copy");
        Directory.CreateDirectory(Path.Combine(foreign, "etc"));
        var file = _workspace.Write("file", "x");

        TreeStore.Problem(foreign).ShouldBe($"{foreign} holds files that are not Kiln's saved trees (a bootstrap-vz folder copy cannot be reused: Kiln keeps one tree per set of packages and checks it before use); name a new or empty directory");
        TreeStore.Problem(file).ShouldBe($"the prebootstrapped folder {file} is a file; name a directory");
    }

    [Fact]
    public void Each_tree_has_its_directory_record_lock_and_a_partial_directory_beside_it()
    {
        var folder = new TreeStore("/srv/trees");

        folder.TreeOf("0123456789abcdef").ShouldBe("/srv/trees/0123456789abcdef/root");
        folder.RecordOf("0123456789abcdef").ShouldBe("/srv/trees/0123456789abcdef/tree.json");
        folder.LockOf("0123456789abcdef").ShouldBe("/srv/trees/0123456789abcdef.lock");
        folder.PartialOf("0123456789abcdef").ShouldMatch(@"^/srv/trees/\.0123456789abcdef\.partial-[0-9a-f]{8}$");
    }

    [Fact]
    public async Task A_second_build_waits_for_the_lock_until_the_first_lets_go()
    {
        var path = Path.Combine(_workspace.Directory, "tree.lock");
        var waiting = new List<string>();
        var first = await FileLock.AcquireAsync(path, waiting.Add, CancellationToken.None);

        var second = FileLock.AcquireAsync(path, waiting.Add, CancellationToken.None);
        await Task.Delay(300);
        second.IsCompleted.ShouldBeFalse();
        first.Dispose();

        (await second).Dispose();
        waiting.ShouldBe([$"waiting for another build that uses the stored tree ({path})"]);
    }

    public void Dispose() => _workspace.Dispose();
}
