using Kiln.Caching;
using Kiln.Tests.Plugins;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Caching;

public sealed class TreeDigestTests : IDisposable
{
    private readonly TemporaryWorkspace _workspace = new();

    [Fact]
    public void A_tree_has_one_digest_until_a_file_a_mode_or_a_link_changes()
    {
        var root = Tree();
        var (digest, bytes) = TreeDigest.Compute(root);
        TreeDigest.Compute(root).Digest.ShouldBe(digest);
        bytes.ShouldBe(5);

        File.SetUnixFileMode(Path.Combine(root, "etc", "hostname"), UnixFileMode.UserRead);
        var afterMode = TreeDigest.Compute(root).Digest;
        afterMode.ShouldNotBe(digest);

        File.Delete(Path.Combine(root, "etc", "resolv.conf"));
        File.CreateSymbolicLink(Path.Combine(root, "etc", "resolv.conf"), "/elsewhere");
        TreeDigest.Compute(root).Digest.ShouldNotBe(afterMode);
    }

    [Fact]
    public void Links_are_recorded_and_never_followed_even_when_broken_or_pointing_at_a_directory()
    {
        var root = Tree();
        var digest = TreeDigest.Compute(root).Digest;
        Directory.CreateDirectory(Path.Combine(_workspace.Directory, "outside", "big"));
        File.WriteAllText(Path.Combine(_workspace.Directory, "outside", "big", "file"), "changes outside the tree");

        TreeDigest.Compute(root).Digest.ShouldBe(digest, "what a link points at outside the tree is not part of it");
    }

    public void Dispose() => _workspace.Dispose();

    private string Tree()
    {
        var root = Path.Combine(_workspace.Directory, "root");
        Directory.CreateDirectory(Path.Combine(root, "etc"));
        File.WriteAllText(Path.Combine(root, "etc", "hostname"), "kiln!");
        File.CreateSymbolicLink(Path.Combine(root, "etc", "resolv.conf"), "../run/systemd/resolve/stub-resolv.conf");
        File.CreateSymbolicLink(Path.Combine(root, "outside"), Path.Combine(_workspace.Directory, "outside"));
        Directory.CreateSymbolicLink(Path.Combine(root, "loop"), root);
        return root;
    }
}
