using Kiln.Manifests;
using Kiln.Remote;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Remote;

public sealed class HostsFileTests
{
    [Fact]
    public void A_list_of_hosts_with_every_key()
    {
        const string Text = """
            - name: big
              address: kiln@build1.example:2222
              keyfile: keys/id_ed25519
              workspace: /srv/kiln
              can_bootstrap: [kvm, ec2]
              environment: {KILN_CACHE_DIR: /srv/cache, KILN_CACHE_SIZE: 20}
            - address: build2.example
            """;

        var hosts = HostsFile.Parse(Text, "/etc/kiln/hosts.yml", "/home/me");

        hosts.Count.ShouldBe(2);
        var big = hosts[0];
        big.Name.ShouldBe("big");
        big.Destination.ShouldBe(new SshDestination("kiln", "build1.example", 2222));
        big.KeyFile.ShouldBe("/etc/kiln/keys/id_ed25519");
        big.Workspace.ShouldBe("/srv/kiln");
        big.CanBuild("ec2").ShouldBeTrue();
        big.CanBuild("azure").ShouldBeFalse();
        big.Environment.ShouldBe(new Dictionary<string, string> { ["KILN_CACHE_DIR"] = "/srv/cache", ["KILN_CACHE_SIZE"] = "20" });
        hosts[1].Name.ShouldBe("build2.example");
        hosts[1].CanBuild("azure").ShouldBeTrue();
    }

    [Fact]
    public void Bootstrap_vz_build_servers_are_read_by_name()
    {
        const string Text = """
            local_vm:
              type: ssh
              can_bootstrap: [kvm]
              release: bookworm
              address: 127.0.0.1
              port: 2222
              username: admin
              keyfile: ~/.ssh/id_rsa
              server_bin: /usr/local/bin/bootstrap-vz-server
            """;

        var host = HostsFile.Parse(Text, "build-servers.yml", "/home/me").ShouldHaveSingleItem();

        host.Name.ShouldBe("local_vm");
        host.Destination.ShouldBe(new SshDestination("admin", "127.0.0.1", 2222));
        host.KeyFile.ShouldBe("/home/me/.ssh/id_rsa");
    }

    [Fact]
    public void Each_problem_is_reported_at_its_place_with_what_to_write()
    {
        const string Text = """
            - address: kiln@b1:22
              port: 2222
              password: secret
              workspace: relative
            - address: b2
            - name: b2
              address: b3
            - address: b4
              type: local
              colour: blue
            """;

        var error = Should.Throw<ManifestException>(() => HostsFile.Parse(Text, "hosts.yml", null));

        var messages = error.Errors.Select(e => $"{e.Location.Line}: {e.Message}").ToList();
        messages.ShouldContain(m => m.StartsWith("2: ", StringComparison.Ordinal) && m.Contains("the port is given twice", StringComparison.Ordinal));
        messages.ShouldContain(m => m.StartsWith("3: ", StringComparison.Ordinal) && m.Contains("logs in with keys only", StringComparison.Ordinal));
        messages.ShouldContain(m => m.StartsWith("4: ", StringComparison.Ordinal) && m.Contains("must be absolute", StringComparison.Ordinal));
        messages.ShouldContain(m => m.StartsWith("9: ", StringComparison.Ordinal) && m.Contains("`type: local`", StringComparison.Ordinal));
        messages.ShouldContain(m => m.StartsWith("10: ", StringComparison.Ordinal) && m.Contains("unknown key `colour`", StringComparison.Ordinal));
        messages.ShouldContain(m => m.Contains("two hosts are called `b2`", StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_file_says_what_a_hosts_file_is()
    {
        Should.Throw<ManifestException>(() => HostsFile.Parse("[]", "hosts.yml", null)).Message.ShouldContain("a hosts file is a list of build hosts");
    }
}
