using Kiln.Manifests;
using Kiln.Plugins.DockerDaemon;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.DockerDaemon;

public sealed class DockerTasksTests
{
    private const string DebianUnit = """
        [Service]
        Type=notify
        EnvironmentFile=-/etc/default/docker
        ExecStart=/usr/sbin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock $DOCKER_OPTS
        ExecReload=/bin/kill -s HUP $MAINPID

        """;

    [Fact]
    public void Trixie_needs_the_docker_command_from_its_own_package()
    {
        AddDockerPackages.PackagesFor(ReleaseCatalog.Trixie).ShouldBe(["docker.io", "docker-cli", "apparmor", "ca-certificates", "xz-utils"]);
        AddDockerPackages.PackagesFor(ReleaseCatalog.Bookworm).ShouldBe(["docker.io", "apparmor", "ca-certificates", "xz-utils"]);
    }

    [Fact]
    public void The_drop_in_repeats_the_units_command_with_the_options_appended()
    {
        SetDockerOptions.DropIn(DebianUnit, "--log-driver=journald --label kiln.test=yes").ShouldBe("""
            # Written by Kiln (docker_daemon): dockerd runs with the manifest's docker_opts. Docker's documentation
            # recommends a drop-in like this one (or /etc/docker/daemon.json) over /etc/default/docker.
            [Service]
            ExecStart=
            ExecStart=/usr/sbin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock $DOCKER_OPTS --log-driver=journald --label kiln.test=yes

            """);
    }

    [Fact]
    public void Percent_and_dollar_signs_stay_literal_for_systemd()
    {
        SetDockerOptions.EscapeForSystemd("--label cost=100% --label home=$HOME").ShouldBe("--label cost=100%% --label home=$$HOME");
    }

    [Fact]
    public void A_unit_without_a_command_is_a_build_failure()
    {
        Should.Throw<KilnException>(() => SetDockerOptions.DropIn("[Service]\nType=notify\n", "--debug"))
            .Message.ShouldBe("docker.io's docker.service has no ExecStart line; Kiln cannot give dockerd its options");
    }

    [Fact]
    public async Task The_drop_in_is_written_next_to_the_installed_unit()
    {
        using var image = new TemporaryImageRoot(TestManifests.Bind(TestManifests.Minimal + "\nplugins:\n  docker_daemon: {docker_opts: '--debug'}\n"));
        image.Write("/usr/lib/systemd/system/docker.service", DebianUnit);

        await new SetDockerOptions().RunAsync(image.Context, CancellationToken.None);

        image.Read("/etc/systemd/system/docker.service.d/kiln-docker-opts.conf").ShouldEndWith("$DOCKER_OPTS --debug\n");
    }

    [Fact]
    public async Task The_daemon_is_enabled_with_the_other_units()
    {
        var context = TestBuildContexts.Create();

        await new EnableDockerDaemon().RunAsync(context, CancellationToken.None);

        context.EnabledUnits.ShouldBe(["docker.service"]);
    }
}
