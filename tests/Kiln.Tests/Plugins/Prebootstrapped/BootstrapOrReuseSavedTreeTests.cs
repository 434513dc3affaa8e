using Kiln.Caching;
using Kiln.Common;
using Kiln.Plugins.Prebootstrapped;
using Kiln.Tasks;
using Kiln.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.Prebootstrapped;

/// <summary>The task with a runner that runs nothing, over a file:// archive whose Release file the test changes.</summary>
public sealed class BootstrapOrReuseSavedTreeTests : IDisposable
{
    private readonly TemporaryWorkspace _workspace = new();
    private readonly string _folder;
    private readonly string _release;

    public BootstrapOrReuseSavedTreeTests()
    {
        _folder = Path.Combine(_workspace.Directory, "trees");
        _release = _workspace.Write("archive/dists/bookworm/Release", ReleaseWithIndex('a'));
    }

    [Fact]
    public async Task The_first_build_bootstraps_and_saves_the_tree_and_the_next_one_copies_it()
    {
        var (first, firstRunner, firstNews) = Context("kiln-1");

        await new BootstrapOrReuseSavedTree().RunAsync(first, CancellationToken.None);

        var entry = Directory.GetDirectories(_folder).ShouldHaveSingleItem();
        firstNews.ShouldBe([$"prebootstrapped: miss, no stored tree for these packages and settings yet; bootstrapping and storing the tree in {entry}"]);
        firstRunner.Argvs.Select(a => a[0]).ShouldBe(["mmdebstrap", "mmdebstrap", "cp"]);
        firstRunner.Argvs[0].ShouldBe(["mmdebstrap", "--version"]);
        firstRunner.Argvs[2].Take(3).ShouldBe(["cp", "-a", "--"]);
        firstRunner.Argvs[2][3].ShouldBe(first.Paths.Root + "/.");
        firstRunner.Argvs[2][4].ShouldMatch($@"^{_folder}/\.{Path.GetFileName(entry)}\.partial-[0-9a-f]{{8}}/root$");
        var record = StoredTreeRecord.Read(Path.Combine(entry, "tree.json")).ShouldNotBeNull();
        record.Installed.ShouldBe(["systemd-sysv", "nginx"]);
        record.Indexes.Keys.ShouldBe([$"file://{_workspace.Directory}/archive bookworm"]);
        first.Undo.Count.ShouldBe(0, "nothing of the saving is left to undo");
        File.Exists(Path.Combine(_folder, "kiln-saved-trees.txt")).ShouldBeTrue();

        var (second, secondRunner, secondNews) = Context("kiln-2");

        await new BootstrapOrReuseSavedTree().RunAsync(second, CancellationToken.None);

        secondRunner.Argvs.Select(a => a[0]).ShouldBe(["mmdebstrap", "mount"], "the root is layered on the saved tree");
        secondRunner.Argvs[1][^1].ShouldBe(second.Paths.Tree);
        secondNews.ShouldHaveSingleItem().ShouldMatch($@"^prebootstrapped: hit, the tree stored \d{{4}}-\d\d-\d\d \d\d:\d\d UTC is current; the root is layered on it \({entry}\)$");
        second.Packages.Pending.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_tree_whose_archive_changed_since_is_replaced_by_a_fresh_bootstrap()
    {
        await new BootstrapOrReuseSavedTree().RunAsync(Context("kiln-1").Context, CancellationToken.None);
        var entry = Directory.GetDirectories(_folder).ShouldHaveSingleItem();
        await File.WriteAllTextAsync(_release, ReleaseWithIndex('b'));
        var (context, runner, news) = Context("kiln-2");

        await new BootstrapOrReuseSavedTree().RunAsync(context, CancellationToken.None);

        news.ShouldHaveSingleItem().ShouldContain($"is stale: the package index of file://{_workspace.Directory}/archive bookworm changed since; bootstrapping and storing the tree in {entry}");
        runner.Argvs.Select(a => a[0]).ShouldBe(["mmdebstrap", "mmdebstrap", "cp", "rm"]);
        var replaced = runner.Argvs[3][^1];
        replaced.ShouldMatch($@"^{_folder}/\.{Path.GetFileName(entry)}\.partial-[0-9a-f]{{8}}\.replaced$");
        runner.Argvs[3].ShouldBe(["rm", "-rf", "--one-file-system", "--", replaced]);
        File.Exists(Path.Combine(replaced, "root", "etc", "kiln-1")).ShouldBeTrue("the stale tree was moved aside for rm");
        File.Exists(Path.Combine(entry, "root", "etc", "kiln-2")).ShouldBeTrue("the new tree took its place");
    }

    [Fact]
    public async Task A_copy_that_fails_while_saving_leaves_the_unfinished_tree_to_the_rollback()
    {
        var (context, runner, _) = Context("kiln-1");
        runner.Returns("cp", 1, standardError: "cp: error writing: No space left on device");

        await Should.ThrowAsync<Kiln.Host.CommandFailedException>(() => new BootstrapOrReuseSavedTree().RunAsync(context, CancellationToken.None));

        var partial = Directory.GetDirectories(_folder, ".*").ShouldHaveSingleItem();
        Directory.GetDirectories(_folder, "[0-9a-f]*").ShouldBeEmpty("no tree was saved");
        context.Undo.Descriptions.ShouldBe([$"remove the unfinished stored tree {partial}"]);
        await context.Undo.UnwindAsync(CancellationToken.None);
        runner.Argvs[^1].ShouldBe(["rm", "-rf", "--one-file-system", "--", partial]);
    }

    public void Dispose() => _workspace.Dispose();

    private static string ReleaseWithIndex(char digit) => $"Codename: bookworm\nSHA256:\n {new string(digit, 64)} 1234 main/binary-amd64/Packages.xz\n";

    /// <summary>What the fake <c>cp -a SOURCE/. TARGET</c> leaves: TARGET, and in a tree being stored a file named after the build that stored it.</summary>
    private void CopyMarker(Kiln.Host.CommandLine command, string buildId)
    {
        var target = command.Argv[^1];
        Directory.CreateDirectory(Path.Combine(target, "etc"));
        if (target.StartsWith(_folder, StringComparison.Ordinal))
        {
            File.WriteAllText(Path.Combine(target, "etc", buildId), buildId);
        }
    }

    private (BuildContext Context, FakeCommandRunner Runner, List<string> News) Context(string buildId)
    {
        var manifest = TestManifests.Bind(TestManifests.Minimal + $"\nplugins:\n  prebootstrapped: {{folder: {_folder}}}\n", _workspace.ManifestPath);
        var runner = new FakeCommandRunner().Does("cp", command => CopyMarker(command, buildId));
        var context = new BuildContext(manifest, _workspace.Paths with { BuildId = buildId }, runner, NullLoggerFactory.Instance)
        {
            FindProgram = _ => null, // whatever this host has: the bootstrapper's version is asked every time
        };
        Directory.CreateDirectory(context.Paths.Scratch);
        var news = new List<string>();
        context.Announce = news.Add;
        context.EarlyFiles["/etc/apt/sources.list"] = EarlyFile.Text($"deb file://{_workspace.Directory}/archive bookworm main\n");
        context.Packages.Add("systemd-sysv").Add("nginx");
        return (context, runner, news);
    }
}
