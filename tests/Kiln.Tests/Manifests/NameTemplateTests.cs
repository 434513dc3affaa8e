using Kiln.Manifests;
using Newtonsoft.Json.Linq;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Manifests;

public sealed class NameTemplateTests
{
    private static readonly JObject Data = JObject.Parse("""{"system": {"release": "bookworm", "architecture": "amd64", "list": [1]}, "volume": {"size": 8}}""");

    private static readonly DateTimeOffset Time = new(2024, 3, 5, 14, 7, 9, TimeSpan.Zero);

    [Fact]
    public void Manifest_values_and_date_fields_are_filled_in()
    {
        var problems = new List<string>();

        var name = NameTemplate.Render("debian-{system.release}-{system.architecture}-{%Y}{%m}{%d}", Data, Time, problems);

        name.ShouldBe("debian-bookworm-amd64-20240305");
        problems.ShouldBeEmpty();
    }

    [Fact]
    public void Time_fields_follow_strftime()
    {
        var problems = new List<string>();

        NameTemplate.Render("{%y}|{%H}{%M}{%S}|{%j}|{%a} {%A}|{%b} {%B}|{%s}", Data, Time, problems).ShouldBe("24|140709|065|Tue Tuesday|Mar March|1709647629");
        problems.ShouldBeEmpty();
    }

    [Fact]
    public void A_number_value_is_written_as_digits()
    {
        NameTemplate.Render("disk-{volume.size}", Data, Time, []).ShouldBe("disk-8");
    }

    [Fact]
    public void A_field_that_names_no_value_is_a_problem()
    {
        var problems = new List<string>();

        var name = NameTemplate.Render("debian-{system.relase}", Data, Time, problems);

        name.ShouldBe("debian-");
        problems.ShouldBe(["the name template field `{system.relase}` names no value in the manifest; write a path such as {system.release}"]);
    }

    [Fact]
    public void A_field_that_names_a_list_is_a_problem()
    {
        var problems = new List<string>();

        NameTemplate.Render("x-{system.list}", Data, Time, problems);

        problems.ShouldBe(["the name template field `{system.list}` is not a single value"]);
    }

    [Fact]
    public void An_unknown_date_field_lists_the_known_ones()
    {
        var problems = new List<string>();

        NameTemplate.Render("x-{%Q}", Data, Time, problems);

        problems.ShouldBe(["the name template field `{%Q}` is not a date field; use one of {%Y} {%y} {%m} {%d} {%H} {%M} {%S} {%j} {%a} {%A} {%b} {%B} {%s}"]);
    }

    [Fact]
    public void An_unclosed_brace_is_a_problem_naming_its_position()
    {
        var problems = new List<string>();

        var name = NameTemplate.Render("debian-{system.release", Data, Time, problems);

        name.ShouldBe("debian-");
        problems.ShouldBe(["the name template has a `{` at position 8 without a closing `}`"]);
    }

    [Fact]
    public void A_field_that_is_no_path_at_all_is_a_problem_not_a_crash()
    {
        var problems = new List<string>();

        NameTemplate.Render("x-{system[}", Data, Time, problems);

        problems.ShouldBe(["the name template field `{system[}` names no value in the manifest; write a path such as {system.release}"]);
    }

    [Fact]
    public void Doubled_braces_are_literal_braces()
    {
        var problems = new List<string>();

        NameTemplate.Render("a{{b}}-{system.release}", Data, Time, problems).ShouldBe("a{b}-bookworm");
        problems.ShouldBeEmpty();
    }

    [Fact]
    public void Every_problem_is_reported()
    {
        var problems = new List<string>();

        NameTemplate.Render("{nope}-{%Q}-{also.nope}", Data, Time, problems);

        problems.Count.ShouldBe(3);
    }
}
