using Kiln.Common.Apt;
using Kiln.Manifests;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Common.Apt;

public sealed class PrepareAptConfigurationTests
{
    [Fact]
    public void Preferences_are_stanzas_separated_by_blank_lines()
    {
        var text = PrepareAptConfiguration.RenderPreferences(
        [
            new AptPin("*", "release n=bookworm-backports", 500),
            new AptPin("linux-image-*", "release n=bookworm-backports", 990),
        ]);

        text.ShouldBe("Package: *\nPin: release n=bookworm-backports\nPin-Priority: 500\n\nPackage: linux-image-*\nPin: release n=bookworm-backports\nPin-Priority: 990\n");
    }

    [Fact]
    public void No_pins_are_an_empty_file()
    {
        PrepareAptConfiguration.RenderPreferences([]).ShouldBe(string.Empty);
    }

    [Fact]
    public async Task The_apt_configuration_is_placed_before_packages_are_installed()
    {
        var manifest = TestManifests.Bind(TestManifests.Minimal + """

            packages:
              preferences:
                main: [{package: "*", pin: release n=bookworm-backports, pin-priority: 500}]
                kernel: [{package: linux-image-amd64, pin: release n=bookworm-backports, pin-priority: 990}]
              apt.conf.d:
                00retries: Acquire::Retries "3";
            """);
        var context = TestBuildContexts.Create(manifest);
        context.Sources.AddMain(Kiln.Packages.AptSourceLine.Parse("deb http://m/debian bookworm main"));
        context.Sources.AddToFile("backports", Kiln.Packages.AptSourceLine.Parse("deb http://m/debian bookworm-backports main"));

        await new PrepareAptConfiguration().RunAsync(context, CancellationToken.None);

        context.EarlyFiles.Keys.ShouldBe(
        [
            "/etc/apt/sources.list",
            "/etc/apt/sources.list.d/backports.list",
            "/etc/apt/preferences",
            "/etc/apt/preferences.d/kernel",
            "/etc/apt/apt.conf.d/00retries",
        ], ignoreOrder: true);
        Text(context.EarlyFiles["/etc/apt/sources.list"].Content).ShouldBe("deb http://m/debian bookworm main\n");
        Text(context.EarlyFiles["/etc/apt/apt.conf.d/00retries"].Content).ShouldBe("Acquire::Retries \"3\";\n");
    }

    private static string Text(byte[] content) => System.Text.Encoding.UTF8.GetString(content);
}
