using Kiln.Caching;
using Kiln.Tests.Plugins;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Caching;

public sealed class StoredTreeVerdictTests
{
    private static readonly DateTimeOffset Saved = new(2026, 11, 20, 8, 30, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, string> Indexes = new(StringComparer.Ordinal)
    {
        ["http://deb.example/debian bookworm"] = "aa",
        ["http://deb.example/debian-security bookworm-security"] = "bb",
    };

    [Fact]
    public void A_tree_saved_from_the_same_bootstrap_and_the_same_indexes_is_reused()
    {
        StoredTreeVerdict.Judge(Record(), treeExists: true, "fingerprint", Indexes).ShouldBe(new StoredTreeVerdict(true, "the tree stored 2026-11-20 08:30 UTC is current"));
    }

    [Fact]
    public void Without_a_record_or_a_tree_the_system_is_bootstrapped()
    {
        StoredTreeVerdict.Judge(null, treeExists: false, "fingerprint", Indexes).ShouldBe(new StoredTreeVerdict(false, "no stored tree for these packages and settings yet"));
        StoredTreeVerdict.Judge(Record(), treeExists: false, "fingerprint", Indexes).Reuse.ShouldBeFalse();
    }

    [Fact]
    public void A_tree_of_another_fingerprint_is_not_reused()
    {
        StoredTreeVerdict.Judge(Record(), treeExists: true, "other", Indexes).ShouldBe(new StoredTreeVerdict(false, "the tree stored 2026-11-20 08:30 UTC was made from other packages or settings"));
    }

    [Fact]
    public void A_changed_package_index_makes_the_tree_stale_and_is_named()
    {
        var now = new Dictionary<string, string>(Indexes, StringComparer.Ordinal) { ["http://deb.example/debian-security bookworm-security"] = "cc" };

        StoredTreeVerdict.Judge(Record(), treeExists: true, "fingerprint", now).ShouldBe(new StoredTreeVerdict(false,
            "the tree stored 2026-11-20 08:30 UTC is stale: the package index of http://deb.example/debian-security bookworm-security changed since"));
    }

    [Fact]
    public void A_source_whose_changes_cannot_be_checked_is_never_trusted()
    {
        var now = new Dictionary<string, string>(Indexes, StringComparer.Ordinal) { ["mirror+http://list.example/mirrors.txt bookworm"] = ArchiveIndexState.Unknown };

        StoredTreeVerdict.Judge(Record(), treeExists: true, "fingerprint", now).ShouldBe(new StoredTreeVerdict(false,
            "whether mirror+http://list.example/mirrors.txt bookworm changed cannot be checked (Kiln reads Release files over http, https and file only)"));
    }

    [Fact]
    public void The_record_survives_a_round_trip_through_its_json_file()
    {
        using var workspace = new TemporaryWorkspace();
        var path = workspace.Write("tree.json", Record().ToJson());

        var read = StoredTreeRecord.Read(path).ShouldNotBeNull();

        read.Fingerprint.ShouldBe("fingerprint");
        read.Indexes.ShouldBe(Indexes);
        read.Installed.ShouldBe(["systemd-sysv", "nginx/bookworm-backports"]);
        read.Saved.ShouldBe(Saved);
        StoredTreeRecord.Read(workspace.Write("broken.json", "{ not json")).ShouldBeNull();
        StoredTreeRecord.Read(Path.Combine(workspace.Directory, "missing.json")).ShouldBeNull();
    }

    private static StoredTreeRecord Record() => new("fingerprint", Indexes, ["systemd-sysv", "nginx/bookworm-backports"], Saved);
}
