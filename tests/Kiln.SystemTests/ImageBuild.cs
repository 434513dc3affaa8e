using Shouldly;

namespace Kiln.SystemTests;

/// <summary>Builds a manifest into a temporary output directory and boots the result with <c>kiln test</c>.</summary>
public sealed class ImageBuild : IDisposable
{
    private static readonly string[] CompanionExtensions = [".txt", ".json", ".tsv", ".box", ".root-password"];

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

    /// <summary>The one image file the build wrote (beside it: the boot record, the package list, the SBOM, the root password file, and files tests write).</summary>
    public string Image => Directory.GetFiles(OutputDirectory).Single(f => !CompanionExtensions.Any(e => f.EndsWith(e, StringComparison.Ordinal)));

    /// <summary>The one file of the output directory with this extension (a Vagrant box, a container archive).</summary>
    public string OutputWith(string extension) => Directory.GetFiles(OutputDirectory).Single(f => f.EndsWith(extension, StringComparison.Ordinal));

    /// <summary>The boot record beside the image.</summary>
    public string BootRecord => Kiln.VirtualMachines.BootRecord.PathFor(Image);

    public static Task<ImageBuild> RunAsync(string? manifest, params string[] extra) => RunAsync(manifest, new Dictionary<string, string>(), extra);

    /// <summary>Builds with more environment variables for kiln (a cloud's endpoints and credentials).</summary>
    public static async Task<ImageBuild> RunAsync(string? manifest, IReadOnlyDictionary<string, string> environment, params string[] extra)
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
        var run = await KilnCli.RunAsync(arguments, environment: environment);
        var leftovers = HostState.Below(workspace);
        leftovers.IsEmpty.ShouldBeTrue($"the build left host state behind: {leftovers}\n{run}");
        Directory.GetFileSystemEntries(workspace).ShouldBeEmpty("the build directory should be gone");
        Directory.Delete(workspace);
        var logs = Path.Combine(output, "logs");
        var log = string.Concat(Directory.GetFiles(logs).Select(File.ReadAllText));
        TestDirectory.Remove(logs);
        run.ExitCode.ShouldBe(0, $"{run}\n--- log tail\n{string.Join('\n', log.Split('\n').TakeLast(40))}");
        return new ImageBuild(output, run, log);
    }

    /// <summary>
    /// Boots the image, logs in and runs <paramref name="command"/>; returns its output (the test fails if anything fails).
    /// <paramref name="extra"/> are more <c>kiln test</c> options, such as <c>--drive SEED</c> or <c>--ssh-port N</c>.
    /// </summary>
    public Task<string> BootAndRunAsync(string login, string command, params string[] extra) => BootDiskAndRunAsync(Image, login, command, extra);

    /// <summary>As <see cref="BootAndRunAsync(string, string, string[])"/>, for another disk of the build (a Vagrant box's), with a boot record beside it.</summary>
    public async Task<string> BootDiskAndRunAsync(string image, string login, string command, params string[] extra)
    {
        var (run, console) = await TestAsync(["--login", login, "--command", command, .. extra], image);
        run.ExitCode.ShouldBe(0, $"{run}\n--- serial console (end)\n{string.Join('\n', console.Split('\n').TakeLast(60))}");
        return run.Output;
    }

    /// <summary>Runs <c>kiln test</c> on the image with <paramref name="options"/>; returns the run and the serial console transcript, whatever the outcome.</summary>
    public async Task<(KilnRun Run, string Console)> TestAsync(IReadOnlyList<string> options, string? image = null)
    {
        var transcript = Path.Combine(OutputDirectory, $"console-{Guid.NewGuid():N}.txt");
        var run = await KilnCli.RunAsync(["test", image ?? Image, "--timeout", "400", "--transcript", transcript, .. options], environment: null);
        var console = File.Exists(transcript) ? File.ReadAllText(transcript) : string.Empty;
        File.Delete(transcript);
        return (run, console);
    }

    public void Dispose() => TestDirectory.Remove(OutputDirectory);
}
