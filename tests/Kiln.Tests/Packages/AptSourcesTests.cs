using Kiln.Packages;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Packages;

public sealed class AptSourcesTests
{
    [Fact]
    public void Render_writes_one_line_per_source()
    {
        AptSources.Render([AptSourceLine.Parse("deb http://m/debian bookworm main"), AptSourceLine.Parse("deb [arch=amd64] http://m/debian bookworm-updates main")])
            .ShouldBe("deb http://m/debian bookworm main\ndeb [arch=amd64] http://m/debian bookworm-updates main\n");
    }

    [Fact]
    public void Nothing_renders_as_an_empty_file()
    {
        AptSources.Render([]).ShouldBe(string.Empty);
    }

    [Fact]
    public void Files_are_named_without_the_list_suffix_and_gather_their_lines()
    {
        var sources = new AptSources();
        var backports = AptSourceLine.Parse("deb http://m/debian bookworm-backports main");
        var extra = AptSourceLine.Parse("deb http://x/repo stable main");
        var main = AptSourceLine.Parse("deb http://m/debian bookworm main");

        sources.AddToFile("backports.list", backports);
        sources.AddToFile("backports", extra);
        sources.AddMain(main);

        sources.Files.Keys.ShouldBe(["backports"]);
        sources.Files["backports"].ShouldBe([backports, extra]);
        sources.All.ShouldBe([main, backports, extra]);
    }
}
