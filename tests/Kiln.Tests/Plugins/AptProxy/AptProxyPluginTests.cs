using Kiln.Plugins.AptProxy;
using Kiln.Tasks;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.AptProxy;

public sealed class AptProxyPluginTests
{
    [Theory]
    [InlineData("{address: 127.0.0.1, port: 3142}")]
    [InlineData("{address: proxy.example.org, port: 3128, username: builder, password: 's3cret:/@', persistent: true}")]
    [InlineData("{address: '::1', port: 3142}")]
    [InlineData("{address: '[2001:db8::1]', port: 3142}")]
    public void Bootstrap_vz_settings_are_valid(string settings)
    {
        TestManifests.ErrorsOf(WithPlugin(settings)).ShouldBeEmpty();
    }

    [Fact]
    public void A_username_without_a_password_is_refused_at_the_username()
    {
        TestManifests.ErrorsOf(WithPlugin("\n    address: 127.0.0.1\n    port: 3142\n    username: builder"), "m.yml").Select(e => e.ToString())
            .ShouldBe(["m.yml:18:15: apt_proxy takes username and password together (the proxy is asked with both), or neither"]);
    }

    [Fact]
    public void A_password_without_a_username_is_refused_at_the_password()
    {
        TestManifests.ErrorsOf(WithPlugin("{address: 127.0.0.1, port: 3142, password: x}"), "m.yml").Select(e => e.ToString())
            .ShouldBe(["m.yml:15:57: apt_proxy takes username and password together (the proxy is asked with both), or neither"]);
    }

    [Fact]
    public void An_address_with_a_scheme_is_refused_with_what_is_expected()
    {
        TestManifests.ErrorsOf(WithPlugin("{address: 'http://127.0.0.1', port: 3142}"), "m.yml").Select(e => e.ToString())
            .ShouldBe(["m.yml:15:24: `http://127.0.0.1` is not valid for `plugins.apt_proxy.address`; expected the proxy's host name or IP address, without http:// and without a port, e.g. 127.0.0.1"]);
    }

    [Fact]
    public void The_port_is_required()
    {
        TestManifests.ErrorsOf(WithPlugin("{address: 127.0.0.1}"), "m.yml").Select(e => e.ToString())
            .ShouldBe(["m.yml:15:14: `plugins.apt_proxy` is missing the required key `port`"]);
    }

    [Fact]
    public void A_port_beyond_65535_is_refused()
    {
        TestManifests.ErrorsOf(WithPlugin("{address: 127.0.0.1, port: 70000}"), "m.yml").Select(e => e.ToString())
            .ShouldBe(["m.yml:15:41: `plugins.apt_proxy.port`: number too big"]);
    }

    [Fact]
    public void The_proxy_setting_is_removed_from_the_image_unless_it_is_persistent()
    {
        Tasks("{address: 127.0.0.1, port: 3142}").ShouldBe(["CheckAptProxy", "SetAptProxy", "RemoveAptProxy"]);
        Tasks("{address: 127.0.0.1, port: 3142, persistent: true}").ShouldBe(["CheckAptProxy", "SetAptProxy"]);
    }

    private static IEnumerable<string> Tasks(string settings)
    {
        var tasks = new TaskSet();
        new AptProxyPlugin().ResolveTasks(tasks, TestManifests.Bind(WithPlugin(settings)));
        return tasks.Tasks.Select(t => t.Name);
    }

    private static string WithPlugin(string settings) => TestManifests.Minimal + $"\nplugins:\n  apt_proxy: {settings}\n";
}
