using Kiln.Plugins.FileCopy;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.FileCopy;

public sealed class ImagePathsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kiln-image-paths-").FullName;

    [Fact]
    public void An_absolute_link_resolves_inside_the_root_not_on_the_host()
    {
        Directory.CreateDirectory(Path.Combine(_root, "run", "lock"));
        Directory.CreateDirectory(Path.Combine(_root, "var"));
        File.CreateSymbolicLink(Path.Combine(_root, "var", "run"), "/run");

        ImagePaths.Resolve(_root, "/var/run/lock/x").ShouldBe("/run/lock/x");
    }

    [Fact]
    public void A_relative_link_resolves_from_its_directory_and_dot_dot_stops_at_the_root()
    {
        Directory.CreateDirectory(Path.Combine(_root, "usr", "bin"));
        File.CreateSymbolicLink(Path.Combine(_root, "bin"), "usr/bin");
        File.CreateSymbolicLink(Path.Combine(_root, "usr", "bin", "up"), "../../../../etc");

        ImagePaths.Resolve(_root, "bin/tool").ShouldBe("/usr/bin/tool");
        ImagePaths.Resolve(_root, "/bin/up/passwd").ShouldBe("/etc/passwd");
        ImagePaths.Resolve(_root, "/../../etc/./hosts/").ShouldBe("/etc/hosts");
    }

    [Fact]
    public void A_link_loop_is_an_error()
    {
        File.CreateSymbolicLink(Path.Combine(_root, "a"), "b");
        File.CreateSymbolicLink(Path.Combine(_root, "b"), "a");

        Should.Throw<KilnException>(() => ImagePaths.Resolve(_root, "/a/x")).Message.ShouldBe("/a/x in the image goes through more than 40 symbolic links");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
