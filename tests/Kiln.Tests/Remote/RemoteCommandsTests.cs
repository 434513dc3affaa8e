using System.Diagnostics;
using Kiln.Remote;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Remote;

/// <summary>The server-side command strings, and the scripts in them run for real with the local sh.</summary>
public sealed class RemoteCommandsTests
{
    private static readonly RemoteRunPaths Run = new("/var/tmp/kiln-remote", "kiln-remote-20261202-010203-abcdef");

    [Fact]
    public void Root_logins_run_as_they_are_others_under_sudo_without_a_prompt()
    {
        new RemoteCommands(useSudo: false).Remove(Run).ShouldBe("rm -rf --one-file-system -- /var/tmp/kiln-remote/kiln-remote-20261202-010203-abcdef");
        new RemoteCommands(useSudo: true).Remove(Run).ShouldBe("sudo -n rm -rf --one-file-system -- /var/tmp/kiln-remote/kiln-remote-20261202-010203-abcdef");
        new RemoteCommands(useSudo: true).ReceiveInput(Run).ShouldBe("sudo -n sh -c 'mkdir -p -- \"$1\" && exec tar -x -f - -C \"$1\"' kiln-receive /var/tmp/kiln-remote/kiln-remote-20261202-010203-abcdef/input");
        new RemoteCommands(useSudo: false).Send(Run.Output).ShouldBe("sh -c 'mkdir -p -- \"$1\" && cd -- \"$1\" && exec tar -S -c -f - .' kiln-send /var/tmp/kiln-remote/kiln-remote-20261202-010203-abcdef/output");
    }

    [Fact]
    public void The_build_gets_its_environment_sorted_and_no_colors()
    {
        var command = new RemoteCommands(useSudo: true).Build(["/opt/kiln/kiln"], ["--output", "/o", "m.yml"], new Dictionary<string, string> { ["KILN_CACHE_DIR"] = "/srv/cache", ["HTTP_PROXY"] = "http://proxy:3128" });

        command.ShouldStartWith("sudo -n sh -c '");
        command.ShouldEndWith("' kiln-build env NO_COLOR=1 HTTP_PROXY=http://proxy:3128 KILN_CACHE_DIR=/srv/cache /opt/kiln/kiln build --output /o m.yml");
    }

    [Fact]
    public async Task The_end_of_the_channel_gives_the_build_sighup_and_its_exit_code_is_the_builds()
    {
        const string Build = "trap 'echo rolled back; exit 130' HUP; echo started; while :; do sleep 0.1; done";
        var command = new RemoteCommands(useSudo: false).Build(["sh", "-c", Build], [], new Dictionary<string, string>());
        using var shell = Start(command);
        (await shell.StandardOutput.ReadLineAsync()).ShouldBe("started");

        shell.StandardInput.Close();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await shell.WaitForExitAsync(timeout.Token);
        (await shell.StandardOutput.ReadToEndAsync()).ShouldContain("rolled back");
        shell.ExitCode.ShouldBe(130);
    }

    [Fact]
    public async Task A_build_that_ends_by_itself_keeps_its_exit_code()
    {
        var command = new RemoteCommands(useSudo: false).Build(["sh", "-c", "exit 3"], [], new Dictionary<string, string>());
        using var shell = Start(command);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await shell.WaitForExitAsync(timeout.Token);

        shell.ExitCode.ShouldBe(3);
    }

    [Fact]
    public async Task The_probe_reads_this_machine_and_the_install_is_atomic()
    {
        var cache = Directory.CreateTempSubdirectory("kiln-remote-cache-");
        try
        {
            using var probe = Start(RemoteCommands.Probe("0123abcd"), environment: ("XDG_CACHE_HOME", cache.FullName));
            var facts = ServerFacts.Parse(await probe.StandardOutput.ReadToEndAsync()).ShouldNotBeNull();
            facts.KilnCache.ShouldBe(Path.Combine(cache.FullName, "kiln/remote"));
            facts.HasTar.ShouldBeTrue();
            facts.HasKiln.ShouldBeFalse();
            facts.Machine.ShouldNotBeNullOrEmpty();

            var source = cache.CreateSubdirectory("source");
            await File.WriteAllTextAsync(Path.Combine(source.FullName, "kiln"), "binary");
            using (var install = Start($"tar -C {source.FullName} -c -f - kiln | {{ {RemoteCommands.InstallKiln(facts.KilnCache, "0123abcd")}; }}"))
            {
                await install.WaitForExitAsync();
                install.ExitCode.ShouldBe(0, await install.StandardError.ReadToEndAsync());
            }

            File.ReadAllText(Path.Combine(facts.KilnCache, "0123abcd", "kiln")).ShouldBe("binary");
            Directory.GetDirectories(facts.KilnCache).Select(Path.GetFileName).ShouldBe(["0123abcd"]);
            using var again = Start(RemoteCommands.Probe("0123abcd"), environment: ("XDG_CACHE_HOME", cache.FullName));
            ServerFacts.Parse(await again.StandardOutput.ReadToEndAsync())!.HasKiln.ShouldBeTrue();
        }
        finally
        {
            cache.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Checksums_are_those_of_sha256sum_relative_to_the_output()
    {
        var output = Directory.CreateTempSubdirectory("kiln-remote-out-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(output.FullName, "disk.raw"), "image");
            using var sums = Start(new RemoteCommands(useSudo: false).Checksums(output.FullName));
            var checksums = OutputChecksums.Parse(await sums.StandardOutput.ReadToEndAsync());

            checksums.Files.ShouldBe(["disk.raw"]);
            checksums.Problems(output.FullName).ShouldBeEmpty();
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    private static Process Start(string command, (string Name, string Value)? environment = null)
    {
        var info = new ProcessStartInfo("sh", ["-c", command]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (environment is { } variable)
        {
            info.Environment[variable.Name] = variable.Value;
        }

        return Process.Start(info)!;
    }
}
