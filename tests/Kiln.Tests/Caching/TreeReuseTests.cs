using Kiln.Caching;
using Kiln.Common;
using Kiln.Common.Bootstrap;
using Kiln.Disks;
using Kiln.Host;
using Kiln.Specs;
using Kiln.Tasks;
using Kiln.Tests.Fakes;
using Kiln.Tests.Plugins;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Caching;

/// <summary>The automatic cache in front of the bootstrap, with a runner that runs nothing but whose cp leaves a tree behind.</summary>
public sealed class TreeReuseTests : IDisposable
{
    private readonly TemporaryWorkspace _workspace = new();
    private readonly string _cache;

    public TreeReuseTests()
    {
        _cache = Path.Combine(_workspace.Directory, "cache", "trees");
        _workspace.Write("archive/dists/bookworm/Release", "Codename: bookworm\nSHA256:\n " + new string('a', 64) + " 1234 main/binary-amd64/Packages.xz\n");
    }

    [Fact]
    public async Task The_bootstrap_stores_its_tree_in_the_cache_and_the_next_build_copies_it()
    {
        var (first, firstRunner, firstNews) = Context("kiln-1");

        await new BootstrapSystem().RunAsync(first, CancellationToken.None);

        var entry = Directory.GetDirectories(_cache).ShouldHaveSingleItem();
        firstNews.ShouldBe([$"cache: miss, no stored tree for these packages and settings yet; bootstrapping and storing the tree in {entry}"]);
        firstRunner.Argvs.Select(a => a[0]).ShouldBe(["mmdebstrap", "mmdebstrap", "cp"]);
        var record = StoredTreeRecord.Read(Path.Combine(entry, "tree.json")).ShouldNotBeNull();
        record.TreeDigest.ShouldBe(TreeDigest.Compute(Path.Combine(entry, "root")).Digest);
        record.Bytes.ShouldBe(6, "the tree holds one file of six bytes");
        var (second, secondRunner, secondNews) = Context("kiln-2");

        await new BootstrapSystem().RunAsync(second, CancellationToken.None);

        secondNews.ShouldHaveSingleItem().ShouldStartWith("cache: hit, the tree stored ");
        secondNews[0].ShouldEndWith($"; the root is layered on it ({entry})");
        secondRunner.Argvs.ShouldBe(
        [
            ["mmdebstrap", "--version"],
            ["mount", "-t", "overlay", "-o", $"lowerdir={entry},upperdir={second.Paths.TreeLayers}/upper,workdir={second.Paths.TreeLayers}/work,index=on,metacopy=on", "kiln-tree", second.Paths.Tree],
        ], "the root is layered on the stored tree, nothing is copied");
        second.Undo.Descriptions.ShouldContain($"unmount {second.Paths.Tree}");
        second.Undo.Descriptions.ShouldContain($"stop using the stored tree {entry}");
    }

    [Fact]
    public async Task The_bootstrappers_version_is_asked_once_while_its_program_is_unchanged()
    {
        var program = _workspace.Write("bin/mmdebstrap", "#!/usr/bin/perl\n");
        var (first, firstRunner, _) = Context("kiln-1", program: program);
        await new BootstrapSystem().RunAsync(first, CancellationToken.None);
        var (second, secondRunner, secondNews) = Context("kiln-2", program: program);

        await new BootstrapSystem().RunAsync(second, CancellationToken.None);

        firstRunner.Argvs[0].ShouldBe(["mmdebstrap", "--version"]);
        secondNews.ShouldHaveSingleItem().ShouldStartWith("cache: hit, ", Case.Sensitive, "the remembered version gives the same fingerprint");
        secondRunner.Argvs.Select(a => a[0]).ShouldBe(["mount"], "the version is remembered in the cache's folder");
    }

    [Fact]
    public async Task A_tree_the_bootstrap_made_is_moved_into_the_cache_and_the_root_is_layered_on_it()
    {
        var (context, runner, news) = Context("kiln-1");
        BootstrapWritesOneFile(context, runner);

        await new BootstrapSystem().RunAsync(context, CancellationToken.None);

        var entry = Directory.GetDirectories(_cache).ShouldHaveSingleItem();
        File.ReadAllText(Path.Combine(entry, "root", "etc", "bootstrapped")).ShouldBe("yes");
        runner.Argvs.Select(a => a[0]).ShouldBe(["mmdebstrap", "mmdebstrap", "mount"], "moved, not copied");
        runner.Argvs[^1][^1].ShouldBe(context.Paths.Tree);
        news[^1].ShouldBe($"the new tree is stored; the root is layered on it ({entry})");
        StoredTreeRecord.Read(Path.Combine(entry, "tree.json")).ShouldNotBeNull().Bytes.ShouldBe(3);
    }

    [Fact]
    public async Task A_stored_tree_is_clamped_to_the_builds_epoch_and_its_times_go_to_the_builds_on_it()
    {
        const long epoch = 1_700_000_000;
        var (context, runner, _) = Context("kiln-1");
        context.UseSourceDateEpoch(new SourceDateEpoch(epoch, "a test"));
        BootstrapWritesOneFile(context, runner);

        await new BootstrapSystem().RunAsync(context, CancellationToken.None);

        var entry = Directory.GetDirectories(_cache).ShouldHaveSingleItem();
        var stored = Path.Combine(entry, "root");
        var record = StoredTreeRecord.Read(Path.Combine(entry, "tree.json")).ShouldNotBeNull();
        record.TimesClampedTo.ShouldBe(epoch);
        record.LoweredTimes.ShouldNotBeNull().Keys.Order(StringComparer.Ordinal).ShouldBe([".", "etc", "etc/bootstrapped"]);
        record.TreeDigest.ShouldBe(TreeDigest.Compute(stored).Digest, "the digest is of the clamped tree");
        context.StoredTreeTimes.ShouldNotBeNull().Epoch.ShouldBe(epoch);
        context.StoredTreeTimes.Originals.ShouldBe(record.LoweredTimes);
        // The first build is done (its overlay gone), so the second checks the tree and sets its times back.
        await context.Undo.UnwindAsync(CancellationToken.None);
        var (second, _, _) = Context("kiln-2");

        await new BootstrapSystem().RunAsync(second, CancellationToken.None);

        second.StoredTreeTimes.ShouldNotBeNull().Epoch.ShouldBe(epoch);
        second.StoredTreeTimes.Originals.ShouldBe(record.LoweredTimes);
        foreach (var path in new[] { stored, Path.Combine(stored, "etc"), Path.Combine(stored, "etc", "bootstrapped") })
        {
            FileTimes.Get(path).Accessed.ShouldBe(ExactTime.AtSecond(epoch), $"{path}: listing it for the digest moved no time a layered root would copy up");
            FileTimes.Get(path).Modified.ShouldBe(ExactTime.AtSecond(epoch), path);
        }
    }

    [Fact]
    public async Task A_tree_stored_before_trees_were_clamped_gives_no_stored_times()
    {
        await new BootstrapSystem().RunAsync(Context("kiln-1").Context, CancellationToken.None);
        var (context, _, _) = Context("kiln-2");

        await new BootstrapSystem().RunAsync(context, CancellationToken.None);

        context.StoredTreeTimes.ShouldBeNull();
    }

    [Fact]
    public async Task Where_the_kernel_does_not_mount_the_overlay_the_stored_tree_is_copied()
    {
        await new BootstrapSystem().RunAsync(Context("kiln-1").Context, CancellationToken.None);
        var entry = Directory.GetDirectories(_cache).ShouldHaveSingleItem();
        var (context, runner, news) = Context("kiln-2");
        runner.Returns("mount", 32, standardError: "mount: unknown filesystem type 'overlay'.");

        await new BootstrapSystem().RunAsync(context, CancellationToken.None);

        runner.Argvs.Select(a => a[0]).ShouldBe(["mmdebstrap", "mount", "cp"]);
        runner.Argvs[^1].ShouldBe(["cp", "-a", "--", Path.Combine(entry, "root") + "/.", context.Paths.Root]);
        news.ShouldContain("note: the stored tree is copied: this kernel did not mount it as an overlay (mount: unknown filesystem type 'overlay'.)");
        news[^1].ShouldEndWith($"; copying it from {entry}");
        context.Undo.Descriptions.ShouldNotContain($"stop using the stored tree {entry}");
    }

    [Fact]
    public async Task A_tree_under_another_builds_layered_root_is_never_evicted()
    {
        await new BootstrapSystem().RunAsync(Context("kiln-1", extraPackage: "vim").Context, CancellationToken.None);
        var old = Directory.GetDirectories(_cache).ShouldHaveSingleItem();
        using var user = await Kiln.Host.FileLock.AcquireSharedAsync(new TreeStore(_cache).UsersOf(Path.GetFileName(old)), CancellationToken.None);
        var (context, _, _) = Context("kiln-2", sizeLimit: new ByteSize(8));

        await new BootstrapSystem().RunAsync(context, CancellationToken.None);

        Directory.GetDirectories(_cache).Length.ShouldBe(2, "the old tree is in use: it stays beyond the size limit");
        Directory.Exists(old).ShouldBeTrue();
    }

    [Fact]
    public async Task A_manifest_or_the_command_line_that_turns_the_cache_off_bootstraps_without_it()
    {
        var (context, runner, news) = Context("kiln-1", manifestCache: false);

        await new BootstrapSystem().RunAsync(context, CancellationToken.None);

        context.Spec.TreeCache.ShouldBeNull();
        news.ShouldBeEmpty();
        runner.Argvs.ShouldHaveSingleItem()[0].ShouldBe("mmdebstrap");
        Directory.Exists(_cache).ShouldBeFalse();
    }

    [Fact]
    public async Task A_stored_tree_changed_since_it_was_stored_is_never_used()
    {
        await new BootstrapSystem().RunAsync(Context("kiln-1").Context, CancellationToken.None);
        var entry = Directory.GetDirectories(_cache).ShouldHaveSingleItem();
        File.Delete(Path.Combine(entry, "root", "etc", "kiln-1"));
        var (context, runner, news) = Context("kiln-2");

        await new BootstrapSystem().RunAsync(context, CancellationToken.None);

        news.ShouldHaveSingleItem().ShouldStartWith("cache: miss, the stored tree is damaged (its files changed since it was stored); bootstrapping");
        runner.Argvs.Select(a => a[0]).ShouldBe(["mmdebstrap", "mmdebstrap", "cp", "rm"], "bootstrap, store, remove the damaged entry");
        File.Exists(Path.Combine(entry, "root", "etc", "kiln-2")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_stored_tree_another_builds_root_is_layered_on_is_used_without_listing_it()
    {
        await new BootstrapSystem().RunAsync(Context("kiln-1").Context, CancellationToken.None);
        var entry = Directory.GetDirectories(_cache).ShouldHaveSingleItem();
        using var user = await Kiln.Host.FileLock.AcquireSharedAsync(new TreeStore(_cache).UsersOf(Path.GetFileName(entry)), CancellationToken.None);
        // A change the digest would find: the tree is not listed while another build's root is layered on it.
        File.Delete(Path.Combine(entry, "root", "etc", "kiln-1"));
        var (context, runner, news) = Context("kiln-2");

        await new BootstrapSystem().RunAsync(context, CancellationToken.None);

        news.ShouldHaveSingleItem().ShouldContain("is current (another build's root is layered on it: that build checked it); the root is layered on it");
        runner.Argvs.Select(a => a[0]).ShouldBe(["mmdebstrap", "mount"], "no bootstrap: the version, then the overlay");
    }

    [Fact]
    public async Task An_entry_whose_record_was_never_written_is_rebuilt()
    {
        await new BootstrapSystem().RunAsync(Context("kiln-1").Context, CancellationToken.None);
        var entry = Directory.GetDirectories(_cache).ShouldHaveSingleItem();
        File.Delete(Path.Combine(entry, "tree.json"));
        var (context, _, news) = Context("kiln-2");

        await new BootstrapSystem().RunAsync(context, CancellationToken.None);

        news.ShouldHaveSingleItem().ShouldStartWith("cache: miss, no stored tree for these packages and settings yet");
        StoredTreeRecord.Read(Path.Combine(entry, "tree.json")).ShouldNotBeNull();
    }

    [Fact]
    public async Task Over_its_size_limit_the_cache_removes_the_least_recently_used_trees_but_never_the_new_one()
    {
        await new BootstrapSystem().RunAsync(Context("kiln-1", extraPackage: "vim").Context, CancellationToken.None);
        var old = Directory.GetDirectories(_cache).ShouldHaveSingleItem();
        var (context, runner, news) = Context("kiln-2", sizeLimit: new ByteSize(8));

        await new BootstrapSystem().RunAsync(context, CancellationToken.None);

        var kept = Directory.GetDirectories(_cache).ShouldHaveSingleItem();
        kept.ShouldNotBe(old);
        news[^1].ShouldBe($"cache: removing the least recently used tree {old} (the cache is over its size limit)");
        runner.Argvs[^1].ShouldBe(["rm", "-rf", "--one-file-system", "--", old]);
    }

    public void Dispose() => _workspace.Dispose();

    private (BuildContext Context, FakeCommandRunner Runner, List<string> News) Context(string buildId, bool manifestCache = true, string extraPackage = "nginx", ByteSize? sizeLimit = null, string? program = null)
    {
        var yaml = manifestCache ? TestManifests.Minimal : TestManifests.Minimal.Replace("bootstrapper: {}", "bootstrapper: {cache: false}", StringComparison.Ordinal);
        var options = TestManifests.Options with { TreeCache = new TreeCacheSettings(_cache, sizeLimit ?? TreeCacheSettings.DefaultSizeLimit) };
        var spec = TestManifests.Bind(yaml, _workspace.ManifestPath, options);
        var runner = new FakeCommandRunner()
            .Does("cp", command => FakeCopy(command, buildId))
            .Does("rm", command => Directory.Delete(command.Argv[^1], recursive: true));
        var context = new BuildContext(spec, _workspace.Paths with { BuildId = buildId }, runner, NullLoggerFactory.Instance)
        {
            FindProgram = _ => program, // whatever this host has: without a program, the bootstrapper's version is asked every time
        };
        Directory.CreateDirectory(context.Paths.Scratch);
        var news = new List<string>();
        context.Announce = news.Add;
        context.EarlyFiles["/etc/apt/sources.list"] = EarlyFile.Text($"deb file://{_workspace.Directory}/archive bookworm main\n");
        context.Packages.Add("systemd-sysv").Add(extraPackage);
        return (context, runner, news);
    }

    /// <summary>The bootstrap (not <c>mmdebstrap --version</c>) leaves etc/bootstrapped in the root.</summary>
    private static void BootstrapWritesOneFile(BuildContext context, FakeCommandRunner runner) =>
        runner.Does("mmdebstrap", command =>
        {
            if (command.Argv.Count > 2)
            {
                Directory.CreateDirectory(Path.Combine(context.Paths.Root, "etc"));
                File.WriteAllText(Path.Combine(context.Paths.Root, "etc", "bootstrapped"), "yes");
            }
        });

    /// <summary>What <c>cp -a SOURCE/. TARGET</c> would leave: TARGET, and in a tree being stored one file named after the build.</summary>
    private void FakeCopy(Kiln.Host.CommandLine command, string buildId)
    {
        var target = command.Argv[^1];
        Directory.CreateDirectory(Path.Combine(target, "etc"));
        if (target.StartsWith(_cache, StringComparison.Ordinal))
        {
            File.WriteAllText(Path.Combine(target, "etc", buildId), buildId);
        }
    }
}
