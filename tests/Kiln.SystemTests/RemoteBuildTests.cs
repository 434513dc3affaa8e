using System.Security.Cryptography;
using Kiln.Host;
using Shouldly;

namespace Kiln.SystemTests;

/// <summary>
/// <c>kiln build --hosts</c> against a real OpenSSH server on 127.0.0.1 (its own host key and authorized key, a
/// separate server workspace): an unreachable host is one sentence; a small image is built there, its output
/// streamed here and the image brought back checked; a second build is interrupted with SIGINT of the local kiln
/// after the bootstrap and rolls back on the server, leaving no run directory, mount, loop device or process
/// there. One image is built (the bootstrap comes from the suite's cache; the first kiln copy is timed).
/// </summary>
[Trait("Category", "System")]
public sealed class RemoteBuildTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kiln-remote-").FullName;

    private string ServerWorkspace => Path.Combine(_directory, "server-workspace");

    private string Output => Path.Combine(_directory, "output");

    private string Manifest => Path.Combine(_directory, "images", "remote.yml");

    private string HostsFile => Path.Combine(_directory, "hosts.yml");

    [SystemFact]
    public async Task A_build_on_a_host_over_ssh_streams_its_log_brings_the_image_back_and_an_interrupt_rolls_back_there()
    {
        using var server = await LocalSshServer.StartAsync(Path.Combine(_directory, "sshd"));
        Directory.CreateDirectory(Path.GetDirectoryName(Manifest)!);
        await File.WriteAllTextAsync(Manifest, SmallManifest.Text("remote", """
              file_copy:
                files:
                  - src: files/notes.txt
                    dst: /etc/kiln-remote-notes
            """));
        Directory.CreateDirectory(Path.Combine(_directory, "images", "files"));
        await File.WriteAllTextAsync(Path.Combine(_directory, "images", "files", "notes.txt"), "shipped with the manifest\n");
        await File.WriteAllTextAsync(HostsFile, $"""
            - name: loopback
              address: {LocalSshServer.Alias}
              workspace: {ServerWorkspace}
              can_bootstrap: [kvm]
              environment:
                KILN_CACHE_DIR: {SuiteCache.Environment["KILN_CACHE_DIR"]}
            """);

        var refused = await KilnCli.RunAsync("build", "--host", $"root@127.0.0.1:{FreePort()}", "--ssh-config", server.ClientConfig, "--log", Path.Combine(_directory, "logs-refused"), Manifest);
        refused.ExitCode.ShouldBe(2, refused.ToString());
        refused.Error.ShouldContain("refused the connection");
        refused.Error.ShouldContain("check the port and that an SSH server runs there");
        refused.All.ShouldNotContain("   at ");

        var built = await KilnCli.RunAsync(Arguments());
        built.ExitCode.ShouldBe(0, built.ToString());
        built.Output.ShouldContain("note: copying this kiln (");
        built.Output.ShouldContain("note: building on loopback (");
        built.Output.ShouldContain("(2 files, 0.0 MiB)", Case.Sensitive, "the manifest and the file it copies are shipped");
        built.Output.ShouldContain("loopback: building remote (", Case.Sensitive, "the server's progress is shown here");
        var image = Path.Combine(Output, "remote.raw");
        built.Output.ShouldContain($"built {image} on loopback in ");
        File.Exists(image).ShouldBeTrue(built.ToString());
        using (var inspector = new ImageInspector(image))
        {
            inspector.PartitionOffsets().Keys.ShouldContain(1);
            inspector.ReadFile("/usr/lib/os-release").ShouldNotBeNull().ShouldContain("trixie");
            inspector.ReadFile("/etc/kiln-remote-notes").ShouldBe("shipped with the manifest\n", "the manifest's directory was shipped");
        }

        var logs = Directory.GetFiles(Path.Combine(_directory, "logs"));
        logs.ShouldContain(log => Path.GetFileName(log).StartsWith("remote-remote-", StringComparison.Ordinal), "the local log of the ssh commands");
        var serverLog = logs.Single(log => !Path.GetFileName(log).StartsWith("remote-remote-", StringComparison.Ordinal));
        (await File.ReadAllTextAsync(serverLog)).ShouldContain("Bootstrapping the base system", Case.Sensitive, "the server's build log came back");
        ServerLeftNothing(server, "after the build");
        Directory.GetDirectories(Path.Combine(server.SessionCache, "kiln", "remote")).Length.ShouldBe(1);

        foreach (var file in Directory.GetFiles(Output))
        {
            File.Delete(file);
        }

        using var kiln = KilnProcess.Start(Arguments());
        (await kiln.WaitForAsync("loopback: ", TimeSpan.FromMinutes(3))).ShouldBeTrue(kiln.Output);
        kiln.Output.ShouldNotContain("copying this kiln", Case.Sensitive, "the copy on the server is used again");
        (await kiln.WaitForAsync("Mounting /proc, /sys and /dev in the root", TimeSpan.FromMinutes(5))).ShouldBeTrue(kiln.Output);
        kiln.Signal(ProcessSignals.SigInt);
        var interrupted = await kiln.WaitForExitAsync(TimeSpan.FromMinutes(5));
        interrupted.ExitCode.ShouldBe(130, interrupted.ToString());
        interrupted.Output.ShouldContain("loopback: kiln: error: the build was interrupted; everything it had set up was undone", Case.Sensitive, "the server's kiln rolled back");
        interrupted.Output.ShouldContain("the build was interrupted; it was rolled back on loopback and its directory there removed");
        File.Exists(image).ShouldBeFalse();
        Directory.GetFiles(Output).ShouldBeEmpty();
        ServerLeftNothing(server, "after the interrupt");
    }

    public void Dispose()
    {
        using var rm = System.Diagnostics.Process.Start("rm", ["-rf", "--one-file-system", "--", _directory]);
        rm.WaitForExit();
    }

    private string[] Arguments() => ["build", "--hosts", HostsFile, "--ssh-config", Path.Combine(_directory, "sshd", "ssh_config"), "--output", Output, "--log", Path.Combine(_directory, "logs"), Manifest];

    private void ServerLeftNothing(LocalSshServer server, string when)
    {
        var state = HostState.Below(ServerWorkspace);
        state.IsEmpty.ShouldBeTrue($"{when}: {state}");
        (Directory.Exists(ServerWorkspace) ? Directory.GetFileSystemEntries(ServerWorkspace) : []).ShouldBeEmpty(when);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (server.Sessions().Count > 0 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(100);
        }

        server.Sessions().ShouldBeEmpty($"{when}: the server still runs sessions");
        Directory.GetFiles(Output).Where(file => Path.GetFileName(file).StartsWith('.')).ShouldBeEmpty(when);
        Directory.GetDirectories(Output).ShouldBeEmpty(when);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
