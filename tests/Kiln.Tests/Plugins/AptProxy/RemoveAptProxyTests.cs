using Kiln.Plugins.AptProxy;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.AptProxy;

public sealed class RemoveAptProxyTests
{
    [Fact]
    public async Task The_proxy_setting_leaves_the_image()
    {
        using var image = new TemporaryImageRoot(TestManifests.Bind(TestManifests.Minimal + "\nplugins:\n  apt_proxy: {address: 127.0.0.1, port: 3142}\n"));
        var path = image.Write("/etc/apt/apt.conf.d/02proxy", "Acquire::http::Proxy \"http://127.0.0.1:3142\";\n");
        image.Write("/etc/apt/apt.conf.d/70debconf", "kept\n");

        await new RemoveAptProxy().RunAsync(image.Context, CancellationToken.None);

        File.Exists(path).ShouldBeFalse();
        image.Read("/etc/apt/apt.conf.d/70debconf").ShouldBe("kept\n");
    }
}
