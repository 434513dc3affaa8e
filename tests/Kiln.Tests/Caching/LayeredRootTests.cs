using Kiln.Caching;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Caching;

public sealed class LayeredRootTests
{
    [Fact]
    public void The_overlay_keeps_hard_links_and_copies_up_metadata_only() =>
        LayeredRoot.Options("/c/trees/k", "/w/b/tree-layers/upper", "/w/b/tree-layers/work")
            .ShouldBe(["lowerdir=/c/trees/k", "upperdir=/w/b/tree-layers/upper", "workdir=/w/b/tree-layers/work", "index=on", "metacopy=on"]);

    [Theory]
    [InlineData("/c/trees,x/k")]
    [InlineData("/c/trees:x/k")]
    public void A_path_the_options_cannot_carry_gives_no_options(string lower) =>
        LayeredRoot.Options(lower, "/w/upper", "/w/work").ShouldBeNull();
}
