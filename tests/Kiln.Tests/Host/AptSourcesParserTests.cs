using Kiln.Host;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Host;

public sealed class AptSourcesParserTests
{
    private const string DebianSources = """
        Types: deb
        URIs: http://mirror.example/debian/
        Suites: bookworm bookworm-updates
        Components: main
        Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

        # The security archive.
        Types: deb deb-src
        URIs: http://security.mirror.example/debian-security
        Suites: bookworm-security
        Components: main
        Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
        """;

    [Fact]
    public void Every_enabled_stanza_gives_each_uri_with_each_suite()
    {
        AptSourcesParser.ParseDeb822(DebianSources).ShouldBe(
        [
            ("http://mirror.example/debian/", "bookworm"),
            ("http://mirror.example/debian/", "bookworm-updates"),
            ("http://security.mirror.example/debian-security", "bookworm-security"),
        ]);
    }

    [Fact]
    public void A_disabled_stanza_and_a_source_only_stanza_are_skipped()
    {
        const string text = """
            Types: deb
            URIs: http://off.example/debian
            Suites: bookworm
            Enabled: no

            Types: deb-src
            URIs: http://src.example/debian
            Suites: bookworm

            Types: deb
            URIs: http://on.example/debian
              http://second.example/debian
            Suites: trixie
            """;

        AptSourcesParser.ParseDeb822(text).ShouldBe([("http://on.example/debian", "trixie"), ("http://second.example/debian", "trixie")]);
    }

    [Fact]
    public void One_line_entries_skip_options_comments_and_source_lines()
    {
        const string text = """
            # deb http://commented.example/debian bookworm main
            deb [arch=amd64 signed-by=/usr/share/keyrings/debian.gpg] http://mirror.example/debian bookworm main contrib
            deb-src http://mirror.example/debian bookworm main
            deb	http://tab.example/debian bookworm main # trailing comment
            not a source line
            """;

        AptSourcesParser.ParseOneLine(text).ShouldBe([("http://mirror.example/debian", "bookworm"), ("http://tab.example/debian", "bookworm")]);
    }

    [Fact]
    public void The_mirror_and_security_archive_are_found_in_deb822_files()
    {
        AptSourcesParser.FindMirrors([DebianSources], []).ShouldBe(new AptMirrors("http://mirror.example/debian", "http://security.mirror.example/debian-security"));
    }

    [Fact]
    public void Buster_style_security_suites_are_recognised_in_one_line_files()
    {
        const string sourcesList = """
            deb http://security.mirror.example/ buster/updates main
            deb http://ftp.example.org/debian/ buster main
            deb http://ftp.example.org/debian/ buster-updates main
            """;

        AptSourcesParser.FindMirrors([], [sourcesList]).ShouldBe(new AptMirrors("http://ftp.example.org/debian", "http://security.mirror.example"));
    }

    [Fact]
    public void Repositories_for_other_distributions_are_ignored()
    {
        const string sourcesList = """
            deb http://ppa.launchpad.net/someone/tool/ubuntu jammy main
            deb https://repo.example.com/apt focal-security main
            deb http://mirror.example/debian trixie main
            """;

        AptSourcesParser.FindMirrors([], [sourcesList]).ShouldBe(new AptMirrors("http://mirror.example/debian", null));
    }

    [Fact]
    public void A_third_party_repository_with_a_suite_named_stable_is_no_debian_mirror()
    {
        const string sourcesList = """
            deb [arch=amd64] https://packages.microsoft.com/repos/code stable main
            deb http://mirror.example/debian trixie main
            """;

        AptSourcesParser.FindMirrors([], [sourcesList]).Archive.ShouldBe("http://mirror.example/debian");
    }

    [Fact]
    public void Deb822_files_are_read_before_one_line_files_and_the_first_mirror_wins()
    {
        AptSourcesParser.FindMirrors(
                ["Types: deb\nURIs: http://first.example/debian\nSuites: bookworm\n"],
                ["deb http://second.example/debian bookworm main\ndeb http://second.example/debian-security bookworm-security main\n"])
            .ShouldBe(new AptMirrors("http://first.example/debian", "http://second.example/debian-security"));
    }

    [Fact]
    public void Without_debian_entries_nothing_is_known()
    {
        AptSourcesParser.FindMirrors([], []).ShouldBe(new AptMirrors(null, null));
    }
}
