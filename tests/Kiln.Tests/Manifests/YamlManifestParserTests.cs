using Kiln.Manifests;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Manifests;

public sealed class YamlManifestParserTests
{
    private const string File = "m.yml";

    [Fact]
    public void Every_value_knows_its_line_and_column()
    {
        var root = Parse("""
            name: test
            system:
              release: bookworm
              hostname:   box
            packages:
              install:
                - curl
                - vim
            """);

        Position(root.SelectToken("name")).ShouldBe((1, 7));
        Position(root.SelectToken("system")).ShouldBe((3, 3));
        Position(root.SelectToken("system.release")).ShouldBe((3, 12));
        Position(root.SelectToken("system.hostname")).ShouldBe((4, 15));
        Position(root.SelectToken("packages.install[1]")).ShouldBe((8, 7));
    }

    [Fact]
    public void The_tree_has_the_values_of_the_yaml()
    {
        var root = Parse("""
            name: test
            size: 12
            ratio: 0.5
            nothing: ~
            list: [a, b]
            """);

        root.ToString(Formatting.None).ShouldBe("""{"name":"test","size":12,"ratio":0.5,"nothing":null,"list":["a","b"]}""");
    }

    [Fact]
    public void A_duplicate_key_is_reported_where_the_duplicate_is()
    {
        var errors = ErrorsOf("""
            system:
              release: bookworm
              locale: C
              release: trixie
            """);

        errors.ShouldBe(["m.yml:4:3: duplicate key `release`; each key may appear once in a mapping"]);
    }

    [Fact]
    public void The_same_key_in_different_mappings_is_no_duplicate()
    {
        var root = Parse("""
            a:
              size: 1
            b:
              size: 2
            """);

        root.SelectToken("b.size")!.Value<long>().ShouldBe(2);
    }

    [Fact]
    public void A_tab_in_the_indentation_is_reported_on_its_line_and_column()
    {
        var errors = ErrorsOf("system:\n  release: bookworm\n \tlocale: C\n");

        errors.ShouldBe(["m.yml:3:2: a tab is used for indentation; YAML indents with spaces only"]);
    }

    [Fact]
    public void A_tab_after_the_value_is_no_indentation()
    {
        var root = Parse("system:\n  release:\tbookworm\n");

        root.SelectToken("system.release")!.Value<string>().ShouldBe("bookworm");
    }

    [Fact]
    public void A_tab_inside_a_block_scalar_is_content()
    {
        var root = Parse("packages:\n  apt.conf.d:\n    00proxy: |\n      Acquire {\n      \tHttp::Proxy \"none\";\n      };\n");

        root.SelectToken("packages['apt.conf.d'].00proxy")!.Value<string>().ShouldBe("Acquire {\n\tHttp::Proxy \"none\";\n};\n");
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("Yes", true)]
    [InlineData("on", true)]
    [InlineData("ON", true)]
    [InlineData("true", true)]
    [InlineData("no", false)]
    [InlineData("No", false)]
    [InlineData("off", false)]
    [InlineData("False", false)]
    public void Yaml_1_1_boolean_words_are_booleans_as_pyyaml_read_them(string word, bool value)
    {
        var flag = Parse($"flag: {word}\n").SelectToken("flag")!;

        flag.Type.ShouldBe(JTokenType.Boolean);
        flag.Value<bool>().ShouldBe(value);
    }

    [Theory]
    [InlineData("'yes'")]
    [InlineData("\"yes\"")]
    [InlineData("!!str yes")]
    public void A_quoted_or_tagged_yes_stays_text(string scalar)
    {
        var value = Parse($"answer: {scalar}\n").SelectToken("answer")!;

        value.Type.ShouldBe(JTokenType.String);
        value.Value<string>().ShouldBe("yes");
    }

    [Fact]
    public void An_unquoted_octal_looking_mode_stays_the_text_0755()
    {
        // YAML 1.1 would read 0755 as the octal number 493; a mode is meant, and the schema wants text.
        var mode = Parse("mode: 0755\n").SelectToken("mode")!;

        mode.Type.ShouldBe(JTokenType.String);
        mode.Value<string>().ShouldBe("0755");
    }

    [Fact]
    public void Numbers_with_underscores_and_signs_are_numbers()
    {
        var root = Parse("a: 1_000\nb: -7\nc: 1e3\nd: 12abc\n");

        root.ToString(Formatting.None).ShouldBe("""{"a":1000,"b":-7,"c":1000.0,"d":"12abc"}""");
    }

    [Fact]
    public void Aliases_repeat_the_anchored_value()
    {
        var root = Parse("""
            mirror: &mirror http://mirror.example/debian
            bootstrapper:
              mirror: *mirror
            packages:
              components: &components [main, contrib]
              other: *components
            """);

        root.SelectToken("bootstrapper.mirror")!.Value<string>().ShouldBe("http://mirror.example/debian");
        root.SelectToken("packages.other")!.ToString(Formatting.None).ShouldBe("""["main","contrib"]""");
    }

    [Fact]
    public void A_merge_key_copies_the_keys_of_the_anchored_mapping()
    {
        var root = Parse("""
            defaults: &ext4
              filesystem: ext4
              mountopts: [noatime]
            root:
              <<: *ext4
              size: 2GiB
            """);

        root.SelectToken("root")!.ToString(Formatting.None).ShouldBe("""{"filesystem":"ext4","mountopts":["noatime"],"size":"2GiB"}""");
    }

    [Fact]
    public void A_key_next_to_a_merge_key_overrides_the_merged_one()
    {
        var root = Parse("""
            defaults: &ext4
              filesystem: ext4
              size: 1GiB
            root:
              <<: *ext4
              size: 2GiB
            """);

        root.SelectToken("root.size")!.Value<string>().ShouldBe("2GiB");
        root.SelectToken("root.filesystem")!.Value<string>().ShouldBe("ext4");
    }

    [Fact]
    public void A_key_before_the_merge_key_also_wins_over_the_merged_one()
    {
        var root = Parse("""
            defaults: &ext4
              filesystem: ext4
              size: 1GiB
            root:
              size: 2GiB
              <<: *ext4
            """);

        root.SelectToken("root")!.ToString(Formatting.None).ShouldBe("""{"size":"2GiB","filesystem":"ext4"}""");
    }

    [Fact]
    public void Of_several_merged_mappings_the_first_wins()
    {
        var root = Parse("""
            small: &small {size: 1GiB, filesystem: ext2}
            large: &large {size: 8GiB, mode: '1777'}
            tmp:
              <<: [*small, *large]
            """);

        root.SelectToken("tmp")!.ToString(Formatting.None).ShouldBe("""{"size":"1GiB","mode":"1777","filesystem":"ext2"}""");
    }

    [Fact]
    public void A_merged_mapping_that_merges_itself_keeps_its_own_keys_first()
    {
        var root = Parse("""
            base: &base {size: 1GiB, filesystem: ext2}
            boot: &boot
              <<: *base
              size: 256MiB
            other:
              <<: *boot
            """);

        root.SelectToken("other")!.ToString(Formatting.None).ShouldBe("""{"size":"256MiB","filesystem":"ext2"}""");
    }

    [Fact]
    public void A_duplicate_key_is_still_an_error_in_a_mapping_with_a_merge_key()
    {
        var errors = ErrorsOf("""
            defaults: &ext4
              filesystem: ext4
            root:
              <<: *ext4
              size: 1GiB
              size: 2GiB
            """);

        errors.ShouldBe(["m.yml:6:3: duplicate key `size`; each key may appear once in a mapping"]);
    }

    [Fact]
    public void A_merged_value_keeps_the_position_of_the_anchored_text()
    {
        var root = Parse("""
            defaults: &ext4
              filesystem: ext4
            root:
              <<: *ext4
              size: 1GiB
            """);

        Position(root.SelectToken("root.filesystem")).ShouldBe((2, 15));
        Position(root.SelectToken("root.size")).ShouldBe((5, 9));
    }

    [Fact]
    public void An_unknown_alias_is_reported_where_it_is_used()
    {
        var errors = ErrorsOf("a: 1\nb: *nowhere\n");

        errors.ShouldHaveSingleItem().ShouldStartWith("m.yml:2:4: ");
    }

    [Fact]
    public void A_second_document_is_an_error_at_its_start()
    {
        var errors = ErrorsOf("name: one\n---\nname: two\n");

        errors.ShouldBe(["m.yml:2:1: a manifest is one YAML document; remove the second `---` document"]);
    }

    [Fact]
    public void An_indentation_error_is_a_sentence_at_the_offending_key_not_the_parser_s_words_at_the_value_before_it()
    {
        var errors = ErrorsOf("system:\n  release: bookworm\n    locale: C\n");

        errors.ShouldHaveSingleItem().ShouldBe("m.yml:3:5: `locale` is indented more than `release` on line 2, which already has a value; indent it by 2 spaces to make it a sibling, or nest it under a key that ends with `:`");
    }

    [Fact]
    public void A_flow_list_left_open_is_a_syntax_error_at_the_last_readable_place()
    {
        // YamlDotNet fails on this without a position (InvalidOperationException); the parser still gives one.
        var errors = ErrorsOf("system:\n  release: [bookworm\n  locale: C\n");

        errors.ShouldBe(["m.yml:2:12: YAML syntax error: the text after this point cannot be read; check for an unclosed [ or {"]);
    }

    [Fact]
    public void A_flow_mapping_left_open_is_a_syntax_error_with_yamldotnets_explanation()
    {
        var errors = ErrorsOf("a: {b: 1\n");

        errors.ShouldHaveSingleItem().ShouldBe("m.yml:2:1: YAML syntax error: While parsing a flow mapping, did not find expected ',' or '}'");
    }

    [Fact]
    public void A_mapping_used_as_a_key_is_an_error()
    {
        var errors = ErrorsOf("? {a: 1}\n: value\n");

        errors.ShouldBe(["m.yml:1:3: a key must be a plain text value, not a list or mapping"]);
    }

    private static JToken Parse(string yaml) => YamlManifestParser.Parse(yaml, File);

    private static List<string> ErrorsOf(string yaml)
    {
        var exception = Should.Throw<ManifestException>(() => YamlManifestParser.Parse(yaml, File));
        return [.. exception.Errors.Select(e => e.ToString())];
    }

    private static (int Line, int Column) Position(JToken? token)
    {
        var info = (IJsonLineInfo)token.ShouldNotBeNull();
        return (info.LineNumber, info.LinePosition);
    }
}
