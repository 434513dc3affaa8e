using Kiln.Common;
using Kiln.Caching;
using Kiln.Tests.Plugins;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Caching;

public sealed class ArchiveSourcesTests
{
    [Fact]
    public void The_sources_of_every_apt_file_placed_before_the_bootstrap_are_found_and_merged()
    {
        var files = new Dictionary<string, EarlyFile>(StringComparer.Ordinal)
        {
            ["/etc/apt/sources.list"] = EarlyFile.Text("deb http://deb.example/debian bookworm main\ndeb-src http://deb.example/debian bookworm main\n# deb http://old.example/debian bookworm main\ndeb http://deb.example/debian/ bookworm contrib\n"),
            ["/etc/apt/sources.list.d/extra.list"] = EarlyFile.Text("deb [arch=amd64] http://extra.example/repo stable main\n"),
            ["/etc/apt/sources.list.d/salt.sources"] = EarlyFile.Text("# comment\nTypes: deb\nURIs: http://127.0.0.1/salt http://127.0.0.2/salt\nSuites: stable\nComponents: main\nSigned-By:\n -----BEGIN PGP PUBLIC KEY BLOCK-----\n .\n mDMEawJ+\n\nTypes: deb\nURIs: http://off.example/x\nSuites: y\nComponents: z\nEnabled: no\n\nTypes: deb-src\nURIs: http://src.example/x\nSuites: y\nComponents: z\n"),
            ["/etc/apt/preferences.d/salt-pin-1001"] = EarlyFile.Text("Package: salt-*\n"),
        };

        ArchiveSources.FromEarlyFiles(files).Select(s => $"{s.Name} [{string.Join(",", s.Components)}]").ShouldBe(
        [
            "http://deb.example/debian bookworm [main,contrib]",
            "http://extra.example/repo stable [main]",
            "http://127.0.0.1/salt stable [main]",
            "http://127.0.0.2/salt stable [main]",
        ]);
    }

    [Fact]
    public void A_flat_repository_reads_its_release_file_next_to_its_packages()
    {
        new ArchiveSource("http://127.0.0.1/flat", "./", []).ReleasePaths.ShouldBe(["./InRelease", "./Release"]);
        new ArchiveSource("http://127.0.0.1/debian", "bookworm-updates", ["main"]).ReleasePaths.ShouldBe(["dists/bookworm-updates/InRelease", "dists/bookworm-updates/Release"]);
    }
}
