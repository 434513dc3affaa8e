using System.Text;
using Kiln.Common;
using Kiln.Plugins.AptProxy;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.AptProxy;

public sealed class SetAptProxyTests
{
    [Fact]
    public async Task Apt_in_the_image_and_the_bootstrapper_use_the_proxy()
    {
        var context = TestBuildContexts.Create(Manifest("{address: 127.0.0.1, port: 3142}"));

        await new SetAptProxy().RunAsync(context, CancellationToken.None);

        var file = context.EarlyFiles["/etc/apt/apt.conf.d/02proxy"];
        Encoding.UTF8.GetString(file.Content).ShouldBe("// Written by Kiln (apt_proxy): apt downloads packages through this proxy.\nAcquire::http::Proxy \"http://127.0.0.1:3142\";\n");
        file.Mode.ShouldBe(ImageFiles.Regular);
        context.BootstrapEnvironment.ShouldBe(new Dictionary<string, string> { ["http_proxy"] = "http://127.0.0.1:3142" });
        context.Secrets.Values.ShouldBeEmpty();
    }

    [Fact]
    public async Task Credentials_are_percent_encoded_masked_in_logs_and_readable_by_root_only()
    {
        var context = TestBuildContexts.Create(Manifest("{address: proxy.example.org, port: 3128, username: 'build er', password: 'p@ss:word'}"));

        await new SetAptProxy().RunAsync(context, CancellationToken.None);

        var file = context.EarlyFiles["/etc/apt/apt.conf.d/02proxy"];
        Encoding.UTF8.GetString(file.Content).ShouldContain("Acquire::http::Proxy \"http://build%20er:p%40ss%3Aword@proxy.example.org:3128\";\n");
        file.Mode.ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        context.BootstrapEnvironment["http_proxy"].ShouldBe("http://build%20er:p%40ss%3Aword@proxy.example.org:3128");
        context.Secrets.Values.ShouldBe(["p@ss:word", "p%40ss%3Aword"]);
    }

    [Fact]
    public void An_ipv6_address_goes_into_brackets()
    {
        var settings = new AptProxySettings("2001:db8::1", 3142, null, null, false);

        settings.Url.ShouldBe("http://[2001:db8::1]:3142");
        (settings with { Address = "[2001:db8::1]" }).Url.ShouldBe("http://[2001:db8::1]:3142");
    }

    private static Kiln.Specs.BuildSpec Manifest(string settings) => TestManifests.Bind(TestManifests.Minimal + $"\nplugins:\n  apt_proxy: {settings}\n");
}
