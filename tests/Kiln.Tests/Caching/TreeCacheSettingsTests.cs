using Kiln.Caching;
using Kiln.Disks;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Caching;

public sealed class TreeCacheSettingsTests
{
    [Fact]
    public void Root_keeps_the_cache_in_var_cache_and_a_user_in_the_xdg_cache_directory()
    {
        TreeCacheSettings.FromEnvironment(_ => null, isRoot: true).ShouldBe(new TreeCacheSettings("/var/cache/kiln/trees", TreeCacheSettings.DefaultSizeLimit) { PackagesDirectory = "/var/cache/kiln/packages" });
        TreeCacheSettings.FromEnvironment(Variables(("HOME", "/home/ana")), isRoot: false).Directory.ShouldBe("/home/ana/.cache/kiln/trees");
        TreeCacheSettings.FromEnvironment(Variables(("HOME", "/home/ana"), ("XDG_CACHE_HOME", "/fast/cache")), isRoot: false).Directory.ShouldBe("/fast/cache/kiln/trees");
    }

    [Fact]
    public void The_environment_can_move_the_cache_and_limit_its_size()
    {
        var settings = TreeCacheSettings.FromEnvironment(Variables(("KILN_CACHE_DIR", "/srv/kiln-cache"), ("KILN_CACHE_SIZE", "5GiB")), isRoot: true);

        settings.ShouldBe(new TreeCacheSettings("/srv/kiln-cache/trees", ByteSize.FromMiB(5 * 1024)) { PackagesDirectory = "/srv/kiln-cache/packages" });
        TreeCacheSettings.DefaultSizeLimit.ShouldBe(ByteSize.FromMiB(20 * 1024));
    }

    [Fact]
    public void A_size_that_is_not_one_is_refused_with_an_example()
    {
        Should.Throw<UserInputException>(() => TreeCacheSettings.FromEnvironment(Variables(("KILN_CACHE_SIZE", "lots")), isRoot: true))
            .Message.ShouldBe("KILN_CACHE_SIZE=lots is not a size; write e.g. 20GiB");
    }

    private static Func<string, string?> Variables(params (string Name, string Value)[] pairs) =>
        name => pairs.FirstOrDefault(p => p.Name == name).Value;
}
