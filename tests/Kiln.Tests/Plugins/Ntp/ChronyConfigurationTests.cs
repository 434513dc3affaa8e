using Kiln.Plugins.Ntp;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.Ntp;

public sealed class ChronyConfigurationTests
{
    [Fact]
    public void The_sources_file_names_each_server_with_iburst()
    {
        ChronyConfiguration.SourcesFile(["ntp1.example.org", "192.0.2.1"]).ShouldBe("""
            # Written by Kiln (ntp plugin): the manifest's time servers. chrony reads every *.sources file in this
            # directory; Debian's default pool is commented out in /etc/chrony/chrony.conf.
            server ntp1.example.org iburst
            server 192.0.2.1 iburst

            """);
    }

    [Fact]
    public void Debians_pool_is_commented_out_and_the_rest_of_chrony_conf_is_kept()
    {
        var configuration = """
            # Use Debian vendor zone.
            pool 2.debian.pool.ntp.org iburst

            # Use time sources from DHCP.
            sourcedir /run/chrony-dhcp
            server 192.0.2.9
            makestep 1 3

            """;

        ChronyConfiguration.WithoutDefaultSources(configuration).ShouldBe("""
            # Use Debian vendor zone.
            # Kiln (ntp plugin): the manifest's servers replace this line, see sources.d/kiln.sources: pool 2.debian.pool.ntp.org iburst

            # Use time sources from DHCP.
            sourcedir /run/chrony-dhcp
            # Kiln (ntp plugin): the manifest's servers replace this line, see sources.d/kiln.sources: server 192.0.2.9
            makestep 1 3

            """);
    }
}
