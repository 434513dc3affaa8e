using Kiln.Common.Apt;
using Kiln.Manifests;
using Kiln.Packages;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Common.Apt;

public sealed class AddDefaultSourcesTests
{
    [Fact]
    public void A_release_gets_its_updates_and_security_suites()
    {
        var context = TestBuildContexts.Create();
        context.Mirror = "http://m/debian";
        context.SecurityMirror = "http://m/debian-security";

        Lines(context).ShouldBe(
        [
            "deb http://m/debian bookworm main",
            "deb http://m/debian bookworm-updates main",
            "deb http://m/debian-security bookworm-security main",
        ]);
    }

    [Fact]
    public void Buster_names_its_security_suite_the_old_way()
    {
        var context = TestBuildContexts.Create();
        context.Release = ReleaseCatalog.Buster;
        context.Mirror = "http://m/debian";
        context.SecurityMirror = "http://m/debian-security";

        Lines(context).ShouldContain("deb http://m/debian-security buster/updates main");
    }

    [Fact]
    public void Sid_has_only_its_own_suite_and_source_lines_follow_when_asked_for()
    {
        var manifest = TestManifests.Bind(TestManifests.Minimal.Replace("release: bookworm", "release: sid", StringComparison.Ordinal) + """

            packages:
              mirror: http://packages.example/debian/
              components: [main, contrib]
              include-source-type: true
            """);
        var context = TestBuildContexts.Create(manifest);
        context.Mirror = "http://ignored/debian";

        Lines(context).ShouldBe(["deb http://packages.example/debian sid main contrib", "deb-src http://packages.example/debian sid main contrib"]);
    }

    private static List<string> Lines(Kiln.Tasks.BuildContext context) => [.. AddDefaultSources.DefaultSources(context).Select(line => line.ToString())];
}
