using System.Text;
using Kiln.Manifests;
using Newtonsoft.Json;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Manifests;

public sealed class ManifestLoaderTests
{
    private const string EmptyMessage = "the manifest is empty; it must be a mapping with at least name, provider, bootstrapper, system and volume";

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n")]
    public void An_empty_file_says_what_a_manifest_needs(string text)
    {
        var error = Should.Throw<ManifestException>(() => ManifestLoader.LoadText(text, "m.yml")).Errors.ShouldHaveSingleItem();

        error.ToString().ShouldBe($"m.yml:1:1: {EmptyMessage}");
    }

    [Fact]
    public void A_file_of_only_comments_and_document_markers_is_empty()
    {
        var error = Should.Throw<ManifestException>(() => ManifestLoader.LoadText("# nothing here\n---\n  # still nothing\n...\n", "m.yml")).Errors.ShouldHaveSingleItem();

        error.Message.ShouldBe(EmptyMessage);
    }

    [Fact]
    public void A_file_with_a_nul_byte_is_not_a_manifest()
    {
        var error = Should.Throw<ManifestException>(() => ManifestLoader.LoadBytes([0x6E, 0x61, 0x00, 0x01, 0x02], "disk.raw")).Errors.ShouldHaveSingleItem();

        error.ToString().ShouldBe("disk.raw:1:1: this is not a text file; a manifest is UTF-8 YAML or JSON");
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_not_a_manifest()
    {
        var latin1 = Encoding.Latin1.GetBytes("name: caf\u00e9\n");

        var error = Should.Throw<ManifestException>(() => ManifestLoader.LoadBytes(latin1, "m.yml")).Errors.ShouldHaveSingleItem();

        error.ToString().ShouldBe("m.yml:1:1: this is not a text file; a manifest is UTF-8 YAML or JSON");
    }

    [Fact]
    public void A_byte_order_mark_is_ignored()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("name: caf\u00e9\n")).ToArray();

        ManifestLoader.LoadBytes(bytes, "m.yml").Root.ToString(Formatting.None).ShouldBe("{\"name\":\"caf\u00e9\"}");
    }

    [Fact]
    public void A_directory_is_not_a_manifest_file()
    {
        var directory = AppContext.BaseDirectory.TrimEnd('/');

        var error = Should.Throw<UserInputException>(() => ManifestLoader.LoadFile(directory));

        error.Message.ShouldBe($"{directory}: is a directory; give the path of a manifest file (.yml, .yaml or .json)");
        error.ExitCode.ShouldBe(2);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "no-such-manifest.yml");

        Should.Throw<UserInputException>(() => ManifestLoader.LoadFile(path)).Message.ShouldBe($"{path}: no such manifest file");
    }

    [Fact]
    public void A_json_extension_picks_the_json_parser()
    {
        var document = ManifestLoader.LoadText("{ \"name\": \"yes\" } // a comment", "/srv/m.JSON");

        document.Root.ToString(Formatting.None).ShouldBe("""{"name":"yes"}""");
        document.Path.ShouldBe("/srv/m.JSON");
        document.Directory.ShouldBe("/srv");
    }

    [Fact]
    public void Other_extensions_are_read_as_yaml()
    {
        // As YAML, unquoted yes is a boolean; as JSON this text would be a syntax error.
        ManifestLoader.LoadText("name: yes\n", "m.yaml").Root.ToString(Formatting.None).ShouldBe("""{"name":true}""");
    }
}
