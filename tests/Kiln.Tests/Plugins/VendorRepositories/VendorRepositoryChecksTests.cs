using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.VendorRepositories;

/// <summary>The checks of a vendor repository, through the salt plugin (chef and opennebula share them).</summary>
public sealed class VendorRepositoryChecksTests : IDisposable
{
    private readonly TemporaryWorkspace _workspace = new();

    public VendorRepositoryChecksTests()
    {
        _workspace.Write("keys/salt.asc", TestKeys.Armored);
        File.WriteAllBytes(Path.Combine(_workspace.Directory, "keys/salt.gpg"), TestKeys.Binary);
        _workspace.Write("keys/notes.txt", "not a key\n");
    }

    [Theory]
    [InlineData("deb http://127.0.0.1/salt stable main", "keys/salt.asc")]
    [InlineData("deb [arch=amd64] http://127.0.0.1/salt {system.release} main", "keys/salt.gpg")]
    [InlineData("deb http://127.0.0.1/salt ./", "keys/salt.asc")]
    public void A_repository_with_a_source_line_and_a_key_file_is_valid(string source, string key)
    {
        Errors(source, key).ShouldBeEmpty();
    }

    [Fact]
    public void Without_a_repository_the_plugin_says_that_its_package_is_not_in_debian()
    {
        var errors = TestManifests.ErrorsOf(TestManifests.Minimal + "\nplugins:\n  salt: {master: salt.example.org}\n", _workspace.ManifestPath);

        errors.Select(e => e.ToString()).ShouldBe([$"{_workspace.ManifestPath}:15:3: Salt (the salt-minion package) is not in Debian: name the vendor's apt repository in plugins.salt.repository, with `source` (the deb line of the vendor's install guide) and `key` (the file of the key that signs it)"]);
    }

    [Fact]
    public void A_signed_by_option_is_refused_because_kiln_embeds_the_key()
    {
        Errors("deb [signed-by=/etc/apt/keyrings/salt.pgp] http://127.0.0.1/salt stable main", "keys/salt.asc")
            .ShouldBe([$"{_workspace.ManifestPath}:17:15: leave out signed-by: Kiln embeds the key named in `key` into the source entry it writes"]);
    }

    [Fact]
    public void A_trusted_option_is_refused()
    {
        Errors("deb [trusted=yes] http://127.0.0.1/salt stable main", "keys/salt.asc")
            .ShouldBe([$"{_workspace.ManifestPath}:17:15: trusted= would turn off the signature check; name the repository's signing key in `key` instead"]);
    }

    [Fact]
    public void A_suite_without_components_and_a_flat_repository_with_components_are_refused()
    {
        Errors("deb http://127.0.0.1/salt stable", "keys/salt.asc")
            .ShouldBe([$"{_workspace.ManifestPath}:17:15: name the repository's components after the suite `stable`, e.g. main"]);
        Errors("deb http://127.0.0.1/salt ./ main", "keys/salt.asc")
            .ShouldBe([$"{_workspace.ManifestPath}:17:15: a flat repository (the suite `./` ends with /) takes no components"]);
    }

    [Fact]
    public void A_missing_key_file_and_a_file_that_is_no_key_are_reported_at_key()
    {
        Errors("deb http://127.0.0.1/salt stable main", "keys/missing.asc")
            .ShouldBe([$"{_workspace.ManifestPath}:18:12: the key file {_workspace.Directory}/keys/missing.asc does not exist"]);
        Errors("deb http://127.0.0.1/salt stable main", "keys/notes.txt")
            .ShouldBe([$"{_workspace.ManifestPath}:18:12: {_workspace.Directory}/keys/notes.txt is not an OpenPGP public key; give the vendor's signing key as it is published, armored (.asc) or binary (.gpg, .pgp)"]);
    }

    [Fact]
    public void A_release_before_bookworm_is_refused_because_its_apt_cannot_read_an_embedded_key()
    {
        Errors("deb http://127.0.0.1/salt stable main", "keys/salt.asc", release: "bullseye")
            .ShouldBe([$"{_workspace.ManifestPath}:17:7: vendor repositories need bookworm or later: Kiln embeds their signing key in the source entry, which apt reads from bookworm on, and bullseye is older"]);
    }

    [Fact]
    public void A_source_that_is_not_a_deb_line_is_refused_by_the_schema()
    {
        Errors("deb-src http://127.0.0.1/salt stable main", "keys/salt.asc").Single()
            .ShouldBe($"{_workspace.ManifestPath}:17:15: `deb-src http://127.0.0.1/salt stable main` is not valid for `plugins.salt.repository.source`; expected a one-line apt source such as \"deb https://host/path stable main\"");
    }

    public void Dispose() => _workspace.Dispose();

    private IReadOnlyList<string> Errors(string source, string key, string release = "bookworm") =>
        [.. TestManifests.ErrorsOf(
            TestManifests.Minimal.Replace("release: bookworm", $"release: {release}", StringComparison.Ordinal) + $"""

                plugins:
                  salt:
                    repository:
                      source: {source}
                      key: {key}

                """,
            _workspace.ManifestPath).Select(e => e.ToString())];
}
