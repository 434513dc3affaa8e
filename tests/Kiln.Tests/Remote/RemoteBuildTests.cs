using Kiln.Host;
using Kiln.Remote;
using Kiln.Tasks;
using Kiln.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Remote;

/// <summary>The whole remote build against a fake runner: which commands run in which order, and what is published.</summary>
public sealed class RemoteBuildTests : IDisposable
{
    private const string ImageHash = "6105d6cc76af400325e94d588ce511be5bfdbb73b437dc51eca43917d7a43e3d";

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("kiln-remote-build-");
    private readonly FakeStreamingCommandRunner _runner = new();
    private readonly List<string> _notes = [];
    private readonly List<OutputLine> _lines = [];
    private readonly KilnInstallation _kiln;
    private string _probe = "machine=x86_64\nos_id=debian\nos_name=Debian GNU/Linux 13 (trixie)\nuid=0\nuser=root\nkiln_cache=/root/.cache/kiln/remote\ntar=yes\nprobe=done\n";
    private string _imageContent = "image";
    private int _buildExitCode;

    public RemoteBuildTests()
    {
        var kiln = _root.CreateSubdirectory("kiln");
        File.WriteAllText(Path.Combine(kiln.FullName, "kiln"), "program");
        _kiln = new KilnInstallation(KilnInstallationKind.SingleFile, kiln.FullName, ["kiln"], "kiln");
        var images = _root.CreateSubdirectory("images");
        File.WriteAllText(Path.Combine(images.FullName, "small.yml"), "name: small\n");
        _runner.Answer = Answer;
    }

    private string Output => Path.Combine(_root.FullName, "out");

    private string Logs => Path.Combine(_root.FullName, "logs");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task Probe_install_upload_build_checksums_download_logs_and_removal_in_that_order()
    {
        var result = await RunAsync(CancellationToken.None);

        result.Outcome.ShouldBe(BuildOutcome.Succeeded);
        result.ExitCode.ShouldBe(0);
        result.Artifacts.ShouldBe([Path.Combine(Output, "small.raw")]);
        File.ReadAllText(Path.Combine(Output, "small.raw")).ShouldBe("image");
        result.Logs.ShouldBe([Path.Combine(Logs, "small-1.log")]);
        Directory.GetFileSystemEntries(Output).ShouldBe([Path.Combine(Output, "small.raw")]);
        Steps().ShouldBe(["probe", "tar|kiln-install", "tar|kiln-receive", "kiln-build", "kiln-checksums", "kiln-send|tar", "kiln-send|tar", "rm"]);
        _notes.ShouldContain(note => note.StartsWith("copying this kiln (0 MiB) to builder:/root/.cache/kiln/remote/", StringComparison.Ordinal));
        _lines.ShouldContain(new OutputLine("building small", false));
        _notes.ShouldContain(note => note.StartsWith("building on builder (Debian GNU/Linux 13 (trixie), x86_64) in /var/tmp/kiln-remote/kiln-remote-", StringComparison.Ordinal) && note.EndsWith("(1 files, 0.0 MiB)", StringComparison.Ordinal));

        var run = RunDirectory();
        run.ShouldStartWith("/var/tmp/kiln-remote/kiln-remote-");
        var build = Remote("kiln-build");
        build.ShouldEndWith($"kiln-build env NO_COLOR=1 KILN_CACHE_DIR=/srv/cache /root/.cache/kiln/remote/{_kiln.Fingerprint().Hash}/kiln build --workspace {run} --output {run}/output --log {run}/logs --no-cache -- {run}/input/small.yml");
        build.ShouldNotStartWith("sudo");
        var upload = _runner.Commands.Single(c => c.Program == "setsid" && c.Argv.Contains("-c") && c.Argv.Contains("--exclude=./work"));
        upload.Argv.ShouldBe(["setsid", "-w", "tar", "-C", Path.Combine(_root.FullName, "images"), "--exclude=./work", "-c", "-f", "-", "--", "."]);
        Remote("rm").ShouldBe($"rm -rf --one-file-system -- {run}");
    }

    [Fact]
    public async Task A_kiln_already_there_is_not_copied_again_and_a_user_login_uses_sudo()
    {
        _probe = _probe.Replace("uid=0\nuser=root", "uid=1000\nuser=kiln\nsudo=yes\nkiln=present", StringComparison.Ordinal);

        await RunAsync(CancellationToken.None);

        Steps().ShouldNotContain("tar|kiln-install");
        _notes.ShouldNotContain(note => note.StartsWith("copying", StringComparison.Ordinal));
        Remote("kiln-build").ShouldStartWith("sudo -n sh -c");
        Remote("rm").ShouldStartWith("sudo -n rm -rf");
    }

    [Fact]
    public async Task An_unreachable_host_is_one_sentence_and_nothing_else_runs()
    {
        _probe = "ssh: connect to host builder port 22: Connection refused";

        var error = await Should.ThrowAsync<UserInputException>(() => RunAsync(CancellationToken.None));

        error.Message.ShouldContain("builder refused the connection");
        Steps().ShouldBe(["probe"]);
    }

    [Fact]
    public async Task A_server_without_what_kiln_needs_is_refused_before_anything_is_copied()
    {
        _probe = _probe.Replace("uid=0\nuser=root", "uid=1000\nuser=kiln", StringComparison.Ordinal);

        var error = await Should.ThrowAsync<UserInputException>(() => RunAsync(CancellationToken.None));

        error.Message.ShouldContain("cannot use sudo without a password");
        Steps().ShouldBe(["probe"]);
    }

    [Fact]
    public async Task A_failed_build_brings_its_log_home_publishes_nothing_and_keeps_its_exit_code()
    {
        _buildExitCode = 2;

        var result = await RunAsync(CancellationToken.None);

        result.Outcome.ShouldBe(BuildOutcome.Failed);
        result.ExitCode.ShouldBe(2);
        result.Logs.ShouldHaveSingleItem();
        Directory.Exists(Output).ShouldBeFalse();
        Steps().ShouldBe(["probe", "tar|kiln-install", "tar|kiln-receive", "kiln-build", "kiln-send|tar", "rm"]);
    }

    [Fact]
    public async Task Damaged_images_are_not_published()
    {
        _imageContent = "imagf";

        var error = await Should.ThrowAsync<KilnException>(() => RunAsync(CancellationToken.None));

        error.Message.ShouldContain("arrived damaged (small.raw arrived with SHA-256");
        Directory.GetFileSystemEntries(Output).ShouldBeEmpty();
        Steps()[^1].ShouldBe("rm");
    }

    [Fact]
    public async Task An_interrupt_during_the_build_is_a_rollback_there_and_the_run_is_removed()
    {
        using var interrupt = new CancellationTokenSource();
        _runner.WhileStreaming = interrupt.Cancel;
        _buildExitCode = 130;

        var result = await RunAsync(interrupt.Token);

        result.Outcome.ShouldBe(BuildOutcome.Interrupted);
        result.ExitCode.ShouldBe(130);
        Directory.Exists(Output).ShouldBeFalse();
        Steps().ShouldBe(["probe", "tar|kiln-install", "tar|kiln-receive", "kiln-build", "kiln-send|tar", "rm"]);
    }

    private Task<RemoteBuildResult> RunAsync(CancellationToken cancellationToken)
    {
        var host = BuildHost.FromDestination("builder", null) with { Environment = new Dictionary<string, string> { ["KILN_CACHE_DIR"] = "/srv/cache" } };
        var request = new RemoteBuildRequest
        {
            Host = host,
            ManifestPath = Path.Combine(_root.FullName, "images", "small.yml"),
            OutputDirectory = Output,
            LogDirectory = Logs,
            BuildOptions = ["--no-cache"],
            Excluded = ["work"],
        };
        _runner.StreamedLines = [new OutputLine("building small", false)];
        var build = new RemoteBuild(_runner, NullLogger.Instance, _notes.Add, _lines.Add);
        return build.RunAsync(request, _kiln, "x86_64", cancellationToken);
    }

    /// <summary>Each command as the name of what it does: the script's $0 for ssh, pipelines as two names.</summary>
    private List<string> Steps()
    {
        var steps = new List<string>();
        for (var i = 0; i < _runner.Commands.Count; i++)
        {
            var name = Name(_runner.Commands[i]);
            if (name == "tar" || (i + 1 < _runner.Commands.Count && Name(_runner.Commands[i + 1]) == "tar" && name == "kiln-send"))
            {
                steps.Add($"{name}|{Name(_runner.Commands[++i])}");
            }
            else
            {
                steps.Add(name);
            }
        }

        return steps;
    }

    private static string Name(CommandLine command)
    {
        if (command.Argv[2] == "tar")
        {
            return "tar";
        }

        var remote = command.Argv[^1];
        return remote.Contains("kiln-probe", StringComparison.Ordinal) ? "probe"
            : remote.Contains("' kiln-", StringComparison.Ordinal) ? remote[(remote.IndexOf("' kiln-", StringComparison.Ordinal) + 2)..].Split(' ')[0]
            : remote.Split(' ').First(word => word != "sudo" && word != "-n");
    }

    private string Remote(string step) => _runner.Commands.Select(c => c.Argv[^1]).First(remote => Name(new CommandLine("ssh", ["-", "-", remote])) == step);

    private string RunDirectory() => Remote("rm").Split(' ')[^1];

    private (int, string, string) Answer(CommandLine command)
    {
        if (command.Argv[2] == "tar")
        {
            if (command.Argv.Contains("-x"))
            {
                // The local half of a download: what the server sent arrives in the -C directory.
                var target = command.Argv[^1];
                if (target == Logs)
                {
                    File.WriteAllText(Path.Combine(target, "small-1.log"), "log");
                }
                else
                {
                    File.WriteAllText(Path.Combine(target, "small.raw"), _imageContent);
                }
            }

            return (0, string.Empty, string.Empty);
        }

        return Name(command) switch
        {
            "probe" => _probe.StartsWith("ssh:", StringComparison.Ordinal) ? (255, string.Empty, _probe) : (0, _probe, string.Empty),
            "kiln-build" => (_buildExitCode, string.Empty, string.Empty),
            "kiln-checksums" => (0, $"{ImageHash}  ./small.raw\n", string.Empty),
            _ => (0, string.Empty, string.Empty),
        };
    }
}
