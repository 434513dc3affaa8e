using Kiln.Plugins.Debconf;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.Debconf;

public sealed class DebconfTextTests
{
    [Fact]
    public void Selections_are_read_as_debconf_set_selections_reads_them()
    {
        var (selections, problems) = DebconfText.Parse("""
            # Comments and blank lines are skipped.

            tzdata tzdata/Areas select Europe
              locales locales/locales_to_be_generated multiselect en_US.UTF-8 UTF-8, \
            de_DE.UTF-8 UTF-8
            popularity-contest popularity-contest/participate boolean false
            d-i debian-installer/welcome note
            """);

        problems.ShouldBeEmpty();
        selections.Select(s => s.Line).ShouldBe(
        [
            "tzdata tzdata/Areas select Europe",
            "locales locales/locales_to_be_generated multiselect en_US.UTF-8 UTF-8, de_DE.UTF-8 UTF-8",
            "popularity-contest popularity-contest/participate boolean false",
            "d-i debian-installer/welcome note",
        ]);
    }

    [Theory]
    [InlineData("tzdata tzdata/Areas", 0, "a selection is `owner question type value`, but this line has 2 fields")]
    [InlineData("tzdata Areas select Europe", 7, "`Areas` is no question name; debconf's look like package/question")]
    [InlineData("tzdata tzdata/Areas choice Europe", 20, "`choice` is not a debconf type; use one of boolean, error, multiselect, note, password, select, string, text, title, seen")]
    [InlineData("popularity-contest popularity-contest/participate boolean no", 58, "a boolean takes true or false, not `no`")]
    [InlineData("popularity-contest popularity-contest/participate boolean", 57, "a boolean takes true or false, not ``")]
    public void A_line_debconf_would_refuse_skip_or_misread_is_a_problem_at_its_column(string line, int column, string message)
    {
        DebconfText.Parse("# first line\n" + line).Problems.ShouldBe([new DebconfProblem(1, column, message)]);
    }

    [Fact]
    public void Selections_folded_into_one_line_are_recognised()
    {
        var folded = "d-i pkgsel/install-language-support boolean false popularity-contest popularity-contest/participate boolean false";

        DebconfText.Parse(folded).Problems.ShouldBe([new DebconfProblem(0, 44,
            "a boolean takes true or false, not `false popularity-contest popularity-contest/participate boolean false`; it looks like several selections joined into one line, which is what YAML's folded `>` style does: write the text as a `|` block")]);
    }
}
