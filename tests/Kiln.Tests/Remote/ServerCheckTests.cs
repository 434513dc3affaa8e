using Kiln.Remote;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Remote;

public sealed class ServerCheckTests
{
    private const string Probe = """
        machine=x86_64
        os_id=debian
        os_like=
        os_name=Debian GNU/Linux 12 (bookworm)
        uid=1000
        user=kiln
        kiln_cache=/home/kiln/.cache/kiln/remote
        sudo=yes
        tar=yes
        dotnet=/usr/bin/dotnet
        runtime=8.0.11
        runtime=10.0.0
        probe=done
        """;

    private static readonly BuildHost Host = BuildHost.FromDestination("kiln@builder", null);
    private static readonly KilnInstallation FrameworkDependent = new(KilnInstallationKind.FrameworkDependent, "/opt/kiln", ["Kiln.Cli.dll"], "Kiln.Cli.dll");
    private static readonly KilnInstallation SelfContained = new(KilnInstallationKind.SelfContained, "/opt/kiln", ["kiln", "libcoreclr.so"], "kiln");

    [Fact]
    public void The_probe_is_read_and_a_good_server_has_no_problem()
    {
        var facts = ServerFacts.Parse(Probe).ShouldNotBeNull();

        facts.IsDebian.ShouldBeTrue();
        facts.IsRoot.ShouldBeFalse();
        facts.PasswordlessSudo.ShouldBeTrue();
        facts.Runtimes.ShouldBe(["8.0.11", "10.0.0"]);
        ServerCheck.Problem(Host, facts, FrameworkDependent, "x86_64").ShouldBeNull();
    }

    [Fact]
    public void A_probe_that_did_not_finish_is_no_answer()
    {
        ServerFacts.Parse(Probe.Replace("probe=done", string.Empty, StringComparison.Ordinal)).ShouldBeNull();
    }

    [Theory]
    [InlineData("os_id=debian", "os_id=fedora", "not Debian")]
    [InlineData("sudo=yes", "sudo=no", "cannot use sudo without a password")]
    [InlineData("tar=yes", "", "has no tar")]
    [InlineData("runtime=10.0.0", "runtime=9.0.1", "has no .NET 10 runtime (found: 8.0.11, 9.0.1)")]
    [InlineData("kiln_cache=/home/kiln/.cache/kiln/remote", "kiln_cache=", "has no home directory")]
    [InlineData("os_id=debian\nos_like=", "os_id=ubuntu\nos_like=debian", null)]
    public void Each_missing_piece_is_one_sentence_that_says_what_to_do(string line, string replacement, string? problem)
    {
        var facts = ServerFacts.Parse(Probe.Replace(line, replacement, StringComparison.Ordinal))!;

        var found = ServerCheck.Problem(Host, facts, FrameworkDependent, "x86_64");

        if (problem is null)
        {
            found.ShouldBeNull();
        }
        else
        {
            found.ShouldNotBeNull().ShouldContain(problem);
            found.ShouldNotContain("\n");
        }
    }

    [Fact]
    public void A_self_contained_kiln_needs_no_runtime_but_the_same_architecture()
    {
        var facts = ServerFacts.Parse(Probe.Replace("runtime=10.0.0", string.Empty, StringComparison.Ordinal))!;

        ServerCheck.Problem(Host, facts, SelfContained, "x86_64").ShouldBeNull();
        ServerCheck.Problem(Host, facts, SelfContained, "aarch64").ShouldNotBeNull().ShouldContain("self-contained aarch64 program and builder is x86_64");
    }

    [Fact]
    public void The_running_kiln_is_described_by_how_it_runs()
    {
        var directory = Directory.CreateTempSubdirectory("kiln-install-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "Kiln.Cli.dll"), "a");
            File.WriteAllText(Path.Combine(directory.FullName, "Kiln.dll"), "b");

            var framework = KilnInstallation.Describe("/usr/bin/dotnet", directory.FullName, Path.Combine(directory.FullName, "Kiln.Cli.dll"));
            framework.Kind.ShouldBe(KilnInstallationKind.FrameworkDependent);
            framework.Files.ShouldBe(["Kiln.Cli.dll", "Kiln.dll"]);
            framework.CommandOn("/c/h", "/usr/bin/dotnet").ShouldBe(["/usr/bin/dotnet", "/c/h/Kiln.Cli.dll"]);
            var hash = framework.Fingerprint();
            hash.Bytes.ShouldBe(2);

            File.WriteAllText(Path.Combine(directory.FullName, "Kiln.dll"), "c");
            framework.Fingerprint().Hash.ShouldNotBe(hash.Hash);

            var single = KilnInstallation.Describe("/usr/local/bin/kiln", directory.FullName, string.Empty);
            single.Kind.ShouldBe(KilnInstallationKind.SingleFile);
            single.CommandOn("/c/h", null).ShouldBe(["/c/h/kiln"]);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
