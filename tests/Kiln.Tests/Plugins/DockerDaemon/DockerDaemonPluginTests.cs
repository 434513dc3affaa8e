using Kiln.Plugins.DockerDaemon;
using Kiln.Tasks;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.DockerDaemon;

public sealed class DockerDaemonPluginTests
{
    [Theory]
    [InlineData("{}")]
    [InlineData("{docker_opts: '--dns 192.0.2.53 --log-driver=journald'}")]
    public void Docker_with_or_without_daemon_options_is_valid(string settings)
    {
        TestManifests.ErrorsOf(WithPlugin(settings)).ShouldBeEmpty();
    }

    [Fact]
    public void A_version_is_refused_because_debian_decides_it()
    {
        Errors("{version: 1.12.6}").ShouldBe([
            "m.yml:15:28: `version` cannot be honoured: Kiln installs Debian's docker.io, whose version the release decides (bootstrap-vz downloaded binaries that no longer exist); remove it, or pin docker.io with packages.preferences to a version your apt sources offer",
        ]);
    }

    [Fact]
    public void Pulling_images_is_refused_because_the_build_runs_no_daemon_and_reaches_no_registry()
    {
        Errors("{pull_images: [debian:stable], pull_images_retries: 3}").ShouldBe([
            "m.yml:15:32: `pull_images` cannot be honoured: pulling images needs a running Docker daemon and a registry during the build, and Kiln runs neither; remove it and pull the images when the machine boots (e.g. a systemd unit that runs docker pull)",
            "m.yml:15:70: `pull_images_retries` cannot be honoured: pulling images needs a running Docker daemon and a registry during the build, and Kiln runs neither; remove it and pull the images when the machine boots (e.g. a systemd unit that runs docker pull)",
        ]);
    }

    [Fact]
    public void Options_on_several_lines_are_refused()
    {
        Errors("{docker_opts: \"--dns 192.0.2.53\\n--debug\"}").ShouldBe([
            "m.yml:15:32: `--dns 192.0.2.53\n--debug` is not valid for `plugins.docker_daemon.docker_opts`; expected dockerd's command line options on one line, e.g. --log-driver=journald --dns 192.0.2.53",
        ]);
    }

    [Fact]
    public void The_options_drop_in_is_written_only_when_there_are_options()
    {
        Tasks("{}").ShouldBe(["AddDockerPackages", "EnableDockerDaemon"]);
        Tasks("{docker_opts: --debug}").ShouldBe(["AddDockerPackages", "EnableDockerDaemon", "SetDockerOptions"]);
    }

    private static List<string> Tasks(string settings)
    {
        var tasks = new TaskSet();
        new DockerDaemonPlugin().ResolveTasks(tasks, TestManifests.Bind(WithPlugin(settings)));
        return [.. tasks.Tasks.Select(t => t.Name)];
    }

    private static List<string> Errors(string settings) => [.. TestManifests.ErrorsOf(WithPlugin(settings), "m.yml").Select(e => e.ToString())];

    private static string WithPlugin(string settings) => TestManifests.Minimal + $"\nplugins:\n  docker_daemon: {settings}\n";
}
