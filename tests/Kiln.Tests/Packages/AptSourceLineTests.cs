using Kiln.Packages;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Packages;

public sealed class AptSourceLineTests
{
    [Fact]
    public void A_line_is_split_into_type_options_uri_suite_and_components()
    {
        var line = AptSourceLine.Parse("deb [arch=amd64 signed-by=/usr/share/keyrings/k.gpg] http://mirror.example/debian bookworm main contrib non-free-firmware");

        line.Type.ShouldBe("deb");
        line.Options.ShouldBe("arch=amd64 signed-by=/usr/share/keyrings/k.gpg");
        line.Uri.ShouldBe("http://mirror.example/debian");
        line.Suite.ShouldBe("bookworm");
        line.Components.ShouldBe(["main", "contrib", "non-free-firmware"]);
    }

    [Theory]
    [InlineData("deb http://mirror.example/debian bookworm main")]
    [InlineData("deb-src http://mirror.example/debian bookworm main contrib")]
    [InlineData("deb [trusted=yes] file:///srv/repo ./")]
    [InlineData("deb [arch=amd64 signed-by=/k.gpg] http://x/debian sid main")]
    public void A_parsed_line_prints_as_it_was_written(string text)
    {
        AptSourceLine.Parse(text).ToString().ShouldBe(text);
    }

    [Fact]
    public void Extra_spaces_are_normalised()
    {
        AptSourceLine.Parse("  deb  [ arch=amd64 ]  http://x/debian   sid   main  contrib ").ToString().ShouldBe("deb [arch=amd64] http://x/debian sid main contrib");
    }

    [Fact]
    public void Empty_brackets_are_no_options()
    {
        AptSourceLine.Parse("deb [] http://x/debian sid main").Options.ShouldBeNull();
    }

    [Theory]
    [InlineData("rpm http://x/debian sid main")]
    [InlineData("deb http://x/debian")]
    [InlineData("")]
    public void Other_text_is_no_source_line(string text)
    {
        Should.Throw<FormatException>(() => AptSourceLine.Parse(text)).Message.ShouldBe($"`{text}` is not a sources.list line (deb [options] uri suite [components])");
    }
}
