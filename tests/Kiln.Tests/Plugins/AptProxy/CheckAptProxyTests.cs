using System.Net;
using System.Net.Sockets;
using Kiln.Plugins.AptProxy;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.AptProxy;

public sealed class CheckAptProxyTests
{
    [Fact]
    public async Task A_proxy_that_accepts_connections_passes()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        await new CheckAptProxy().RunAsync(Context(port), CancellationToken.None);
    }

    [Fact]
    public async Task A_proxy_that_is_not_there_stops_the_build_with_bad_input()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var error = await Should.ThrowAsync<UserInputException>(() => new CheckAptProxy().RunAsync(Context(port), CancellationToken.None));

        error.Message.ShouldBe($"the apt proxy http://127.0.0.1:{port} cannot be reached (Connection refused); start it, or correct plugins.apt_proxy");
        error.ExitCode.ShouldBe(2);
    }

    private static Kiln.Tasks.BuildContext Context(int port) =>
        TestBuildContexts.Create(TestManifests.Bind(TestManifests.Minimal + $"\nplugins:\n  apt_proxy: {{address: 127.0.0.1, port: {port}}}\n"));
}
