using Kiln.Manifests;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Manifests;

public sealed class JsonManifestParserTests
{
    private const string File = "m.json";

    [Fact]
    public void Line_and_block_comments_are_allowed_as_bootstrap_vz_allowed_them()
    {
        var root = JsonManifestParser.Parse("""
            // A manifest.
            {
              /* the image name */
              "name": "test", // trailing
              "system": { "release": "bookworm" }
            }
            // done
            """, File);

        root.ToString(Formatting.None).ShouldBe("""{"name":"test","system":{"release":"bookworm"}}""");
    }

    [Fact]
    public void Values_know_their_line()
    {
        var root = JsonManifestParser.Parse("{\n  \"name\": \"test\",\n  \"system\": {\n    \"release\": \"bookworm\"\n  }\n}", File);

        ((IJsonLineInfo)root.SelectToken("system.release")!).LineNumber.ShouldBe(4);
    }

    [Fact]
    public void A_duplicate_key_is_an_error_on_its_line()
    {
        var error = Should.Throw<ManifestException>(() => JsonManifestParser.Parse("{\n  \"name\": \"a\",\n  \"name\": \"b\"\n}", File)).Errors.ShouldHaveSingleItem();

        error.Location.ShouldBe(new SourceLocation(File, 3, 9));
        error.Message.ShouldBe("JSON syntax error: Property with the name 'name' already exists in the current JSON object");
    }

    [Fact]
    public void A_syntax_error_is_reported_on_its_line_without_json_nets_path_suffix()
    {
        var error = Should.Throw<ManifestException>(() => JsonManifestParser.Parse("{\n  \"name\": \"a\"\n  \"system\": {}\n}", File)).Errors.ShouldHaveSingleItem();

        // Json.NET's column is where it stopped reading, one short of the offending quote; the line is what matters.
        error.Location.Line.ShouldBe(3);
        error.Message.ShouldBe("JSON syntax error: After parsing a value an unexpected character was encountered: \"");
    }

    [Fact]
    public void Text_after_the_document_is_an_error()
    {
        var error = Should.Throw<ManifestException>(() => JsonManifestParser.Parse("{\"name\": \"a\"}\n{}", File)).Errors.ShouldHaveSingleItem();

        error.ToString().ShouldBe("m.json:2:1: JSON syntax error: Additional text encountered after finished reading JSON content: {");
    }
}
