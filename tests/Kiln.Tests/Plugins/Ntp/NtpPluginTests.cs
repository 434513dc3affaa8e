using Kiln.Plugins.Ntp;
using Kiln.Tasks;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.Ntp;

public sealed class NtpPluginTests
{
    [Theory]
    [InlineData("")]
    [InlineData(" {}")]
    [InlineData(" {servers: [ntp1.example.org, 192.0.2.1, '2001:db8::1']}")]
    public void The_plugin_takes_no_settings_or_a_list_of_servers(string settings)
    {
        TestManifests.ErrorsOf(WithPlugin(settings)).ShouldBeEmpty();
    }

    [Fact]
    public void A_server_that_is_no_host_name_is_reported_at_its_line()
    {
        TestManifests.ErrorsOf(WithPlugin(" {servers: ['ntp one']}"), "m.yml").Select(e => e.ToString())
            .ShouldBe(["m.yml:15:19: `ntp one` is not valid for `plugins.ntp.servers[0]`; expected the host name or IP address of an NTP server, e.g. ntp1.example.org or 192.0.2.10"]);
    }

    [Fact]
    public void An_empty_server_list_is_rejected()
    {
        TestManifests.ErrorsOf(WithPlugin(" {servers: []}"), "m.yml").Select(e => e.ToString())
            .ShouldBe(["m.yml:15:18: `plugins.ntp.servers` must list at least 1 item(s)"]);
    }

    [Fact]
    public void The_plugin_adds_chrony_and_its_configuration()
    {
        var tasks = new TaskSet();

        new NtpPlugin().ResolveTasks(tasks, TestManifests.Bind(WithPlugin(string.Empty)));

        tasks.Tasks.Select(t => t.Name).ShouldBe(["AddChronyPackage", "ConfigureChrony"]);
    }

    public static string WithPlugin(string settings) => TestManifests.Minimal + $"\nplugins:\n  ntp:{settings}\n";
}
