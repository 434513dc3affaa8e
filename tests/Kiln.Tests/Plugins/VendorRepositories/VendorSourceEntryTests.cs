using Kiln.Packages;
using Kiln.Plugins.VendorRepositories;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.VendorRepositories;

public sealed class VendorSourceEntryTests
{
    private const string Key = "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmDMEawJ+\n=XXCP\n-----END PGP PUBLIC KEY BLOCK-----\n";

    [Fact]
    public void The_entry_names_the_repository_and_embeds_its_key()
    {
        var text = VendorSourceEntry.Render(AptSourceLine.Parse("deb http://127.0.0.1:8080/salt stable main extra"), Key, "salt");

        text.ShouldBe("""
            # The salt plugin's vendor repository, written by Kiln; its signing key is embedded below.
            Types: deb
            URIs: http://127.0.0.1:8080/salt
            Suites: stable
            Components: main extra
            Signed-By:
             -----BEGIN PGP PUBLIC KEY BLOCK-----
             .
             mDMEawJ+
             =XXCP
             -----END PGP PUBLIC KEY BLOCK-----

            """);
    }

    [Fact]
    public void An_arch_option_becomes_architectures_and_a_flat_repository_has_no_components()
    {
        var text = VendorSourceEntry.Render(AptSourceLine.Parse("deb [arch=amd64,arm64] http://127.0.0.1/chef ./"), Key, "chef");

        text.ShouldContain("URIs: http://127.0.0.1/chef\nSuites: ./\nArchitectures: amd64 arm64\nSigned-By:\n", Case.Sensitive);
        text.ShouldNotContain("Components:");
    }

    [Fact]
    public void The_entry_goes_into_sources_list_d_under_the_plugins_name()
    {
        VendorSourceEntry.PathFor("opennebula").ShouldBe("/etc/apt/sources.list.d/opennebula.sources");
    }
}
