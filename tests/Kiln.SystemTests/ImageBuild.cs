using Shouldly;

namespace Kiln.SystemTests;

/// <summary>Builds a manifest into a temporary output directory and boots the result with <c>kiln test</c>.</summary>
public sealed class ImageBuild : IDisposable
{
    private ImageBuild(string outputDirectory, KilnRun build, string log)
    {
        OutputDirectory = outputDirectory;
        Build = build;
        Log = log;
    }

    public string OutputDirectory { get; }

    public KilnRun Build { get; }

    /// <summary>The build's full log file.</summary>
    public string Log { get; }

    /// <summary>The one image file the build wrote.</summary>
    public string Image => Directory.GetFiles(OutputDirectory).Single(f => !f.EndsWith(".txt", StringComparison.Ordinal));

    public static async Task<ImageBuild> RunAsync(string? manifest, params string[] extra)
    {
        var output = Directory.CreateTempSubdirectory("kiln-system-test-").FullName;
        var workspace = Path.Combine("/var/tmp", Path.GetFileName(output));
        var arguments = new List<string> { "build" };
        if (manifest is not null)
        {
            arguments.Add(manifest);
        }

        arguments.AddRange(["--output", output, "--log", Path.Combine(output, "logs"), "--workspace", workspace]);
        arguments.AddRange(extra);
        var run = await KilnCli.RunAsync(arguments, interruptWhen: null);
        var leftovers = HostState.Below(workspace);
        leftovers.IsEmpty.ShouldBeTrue($"the build left host state behind: {leftovers}\n{run}");
        Directory.GetFileSystemEntries(workspace).ShouldBeEmpty("the build directory should be gone");
        Directory.Delete(workspace);
        var logs = Path.Combine(output, "logs");
        var log = string.Concat(Directory.GetFiles(logs).Select(File.ReadAllText));
        Directory.Delete(logs, recursive: true);
        run.ExitCode.ShouldBe(0, $"{run}\n--- log tail\n{string.Join('\n', log.Split('\n').TakeLast(40))}");
        return new ImageBuild(output, run, log);
    }

    /// <summary>
    /// Boots the image, logs in and runs <paramref name="command"/>; returns its output (the test fails if anything fails).
    /// <paramref name="extra"/> are more <c>kiln test</c> options, such as <c>--drive SEED</c> or <c>--ssh-port N</c>.
    /// </summary>
    public async Task<string> BootAndRunAsync(string login, string command, params string[] extra)
    {
        var transcript = Path.Combine(OutputDirectory, "console.txt");
        var run = await KilnCli.RunAsync(["test", Image, "--login", login, "--command", command, "--timeout", "400", "--transcript", transcript, .. extra], interruptWhen: null);
        var console = File.Exists(transcript) ? File.ReadAllText(transcript) : string.Empty;
        File.Delete(transcript);
        run.ExitCode.ShouldBe(0, $"{run}\n--- serial console (end)\n{string.Join('\n', console.Split('\n').TakeLast(60))}");
        return run.Output;
    }

    public void Dispose() => Directory.Delete(OutputDirectory, recursive: true);
}
