using Kiln.Plugins.Ntp;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.Ntp;

public sealed class ConfigureChronyTests
{
    [Fact]
    public async Task The_servers_replace_debians_pool_and_chrony_is_enabled()
    {
        using var image = new TemporaryImageRoot(TestManifests.Bind(NtpPluginTests.WithPlugin(" {servers: [192.0.2.1]}")));
        image.Write(ConfigureChrony.ConfigurationPath, "pool 2.debian.pool.ntp.org iburst\nmakestep 1 3\n");

        await new ConfigureChrony().RunAsync(image.Context, CancellationToken.None);

        image.Read(ConfigureChrony.ConfigurationPath).ShouldBe(ChronyConfiguration.DisabledMarker + "pool 2.debian.pool.ntp.org iburst\nmakestep 1 3\n");
        image.Read(ConfigureChrony.SourcesPath).ShouldBe(ChronyConfiguration.SourcesFile(["192.0.2.1"]));
        image.Context.EnabledUnits.ShouldBe(["chrony.service"]);
    }

    [Fact]
    public async Task Without_servers_chrony_keeps_debians_pool()
    {
        using var image = new TemporaryImageRoot(TestManifests.Bind(NtpPluginTests.WithPlugin(string.Empty)));
        image.Write(ConfigureChrony.ConfigurationPath, "pool 2.debian.pool.ntp.org iburst\n");

        await new ConfigureChrony().RunAsync(image.Context, CancellationToken.None);

        image.Read(ConfigureChrony.ConfigurationPath).ShouldBe("pool 2.debian.pool.ntp.org iburst\n");
        File.Exists(image.Context.Paths.InRoot(ConfigureChrony.SourcesPath)).ShouldBeFalse();
        image.Context.EnabledUnits.ShouldBe(["chrony.service"]);
    }
}
