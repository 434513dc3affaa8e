using Kiln.Common.Bootstrap;
using Kiln.Plugins.AptProxy;
using Kiln.Tests.Fakes;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.AptProxy;

/// <summary>debootstrap downloads with wget, which knows no apt configuration: the proxy reaches it through its environment.</summary>
public sealed class BootstrapProxyEnvironmentTests
{
    [Theory]
    [InlineData("debootstrap")]
    [InlineData("mmdebstrap")]
    public async Task The_bootstrapper_runs_with_the_proxy_in_its_environment(string tool)
    {
        var manifest = TestManifests.Bind(TestManifests.Minimal.Replace("bootstrapper: {}", $"bootstrapper: {{tool: {tool}}}", StringComparison.Ordinal)
            + "\nplugins:\n  apt_proxy: {address: 127.0.0.1, port: 3142}\n");
        using var image = new TemporaryImageRoot(manifest);
        Directory.CreateDirectory(image.Context.Paths.Scratch);
        image.Context.Mirror = "http://mirror.invalid/debian";
        image.Context.Sources.AddMain(Kiln.Packages.AptSourceLine.Parse("deb http://mirror.invalid/debian bookworm main"));
        await new SetAptProxy().RunAsync(image.Context, CancellationToken.None);

        await new BootstrapSystem().RunAsync(image.Context, CancellationToken.None);

        var bootstrap = image.Runner.Commands.ShouldHaveSingleItem();
        bootstrap.Program.ShouldBe(tool);
        bootstrap.Environment["http_proxy"].ShouldBe("http://127.0.0.1:3142");
    }
}
