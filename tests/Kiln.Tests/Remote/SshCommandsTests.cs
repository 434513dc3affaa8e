using Kiln.Remote;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Remote;

public sealed class SshCommandsTests
{
    private static readonly string[] Fixed = ["-T", "-o", "BatchMode=yes", "-o", "ConnectTimeout=20", "-o", "ServerAliveInterval=15", "-o", "ServerAliveCountMax=4"];

    [Fact]
    public void A_plain_destination_leaves_everything_else_to_the_users_ssh_configuration()
    {
        var ssh = new SshCommands(BuildHost.FromDestination("builder", null), sshConfig: null);

        ssh.Run("true").Argv.ShouldBe(["setsid", "-w", "ssh", .. Fixed, "--", "builder", "true"]);
    }

    [Fact]
    public void Config_port_and_key_become_options_before_the_destination()
    {
        var host = BuildHost.FromDestination("root@127.0.0.1:2222", null) with { KeyFile = "/keys/id_ed25519" };
        var ssh = new SshCommands(host, "/tmp/ssh_config");

        ssh.Run("echo hi").Argv.ShouldBe(["setsid", "-w", "ssh", "-F", "/tmp/ssh_config", .. Fixed, "-p", "2222", "-i", "/keys/id_ed25519", "-o", "IdentitiesOnly=yes", "--", "root@127.0.0.1", "echo hi"]);
    }

    [Fact]
    public void Upload_is_tar_of_the_members_into_the_remote_receiver()
    {
        var ssh = new SshCommands(BuildHost.FromDestination("b", null), null);

        var (tar, receiver) = ssh.Upload("/home/me/images", ["."], ["work", "out/x"], "receive");

        tar.Argv.ShouldBe(["setsid", "-w", "tar", "-C", "/home/me/images", "--exclude=./work", "--exclude=./out/x", "-c", "-f", "-", "--", "."]);
        receiver.Argv.ShouldBe(["setsid", "-w", "ssh", .. Fixed, "--", "b", "receive"]);
    }

    [Fact]
    public void Download_unpacks_as_the_local_user()
    {
        var ssh = new SshCommands(BuildHost.FromDestination("b", null), null);

        var (sender, tar) = ssh.Download("send", "/srv/images");

        sender.Argv[^1].ShouldBe("send");
        tar.Argv.ShouldBe(["setsid", "-w", "tar", "-x", "-f", "-", "--no-same-owner", "-C", "/srv/images"]);
    }
}
