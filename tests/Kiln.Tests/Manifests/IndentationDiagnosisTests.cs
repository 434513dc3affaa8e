using Kiln.Manifests;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Manifests;

/// <summary>Indentation mistakes are explained at the offending key's line, in words.</summary>
public sealed class IndentationDiagnosisTests
{
    [Fact]
    public void A_key_indented_under_a_value_is_found_at_its_own_line()
    {
        var found = IndentationDiagnosis.Find("system:\n  release: bookworm\n    hostname: web1\n", 2);

        found.ShouldNotBeNull();
        found.Value.Line.ShouldBe(3);
        found.Value.Column.ShouldBe(5);
        found.Value.Message.ShouldContain("`hostname` is indented more than `release` on line 2, which already has a value");
    }

    [Fact]
    public void A_key_that_lines_up_with_no_mapping_is_found_at_its_own_line()
    {
        var found = IndentationDiagnosis.Find("system:\n   hostname: web1\n  release: bookworm\n", 3);

        found.ShouldNotBeNull();
        found.Value.Line.ShouldBe(3);
        found.Value.Message.ShouldContain("`release` is indented by 2 spaces, which lines it up with no key above it");
    }

    [Fact]
    public void Lists_block_scalars_and_comments_are_not_mistakes()
    {
        const string yaml = """
            packages:
              install:
                - nginx
                - curl
            plugins:
              commands:
                commands:
                  - [sh, -c, 'echo hi']
              file_copy:
                files:
                  - src: a
                    dst: /b
            # a comment
            system:
              motd: |
                  indented text
                at another depth
              release: bookworm
            """;

        IndentationDiagnosis.Find(yaml, 30).ShouldBeNull();
    }
}
