namespace Kiln.Host;

/// <summary>
/// Runs commands inside the image's root tree with a clean, non-interactive environment, plus the build's
/// <paramref name="buildEnvironment"/> (SOURCE_DATE_EPOCH), read at each run because the build fixes it after the chroot exists.
/// </summary>
public sealed class Chroot(ICommandRunner runner, string root, IReadOnlyDictionary<string, string>? emulatorEnvironment = null, IReadOnlyDictionary<string, string>? buildEnvironment = null)
{
    private static readonly Dictionary<string, string> CleanEnvironment = new(StringComparer.Ordinal)
    {
        ["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        ["LC_ALL"] = "C.UTF-8",
        ["LANGUAGE"] = "C.UTF-8",
        ["LANG"] = "C.UTF-8",
        ["DEBIAN_FRONTEND"] = "noninteractive",
        ["DEBCONF_NONINTERACTIVE_SEEN"] = "true",
    };

    private static readonly Dictionary<string, string> NoEnvironment = new(StringComparer.Ordinal);

    private readonly Dictionary<string, string> _environment = CleanEnvironment.Concat(emulatorEnvironment ?? new Dictionary<string, string>())
        .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    public string Root { get; } = root;

    /// <summary>The command line that runs <paramref name="program"/> inside the root.</summary>
    public CommandLine Command(string program, params string[] arguments) =>
        new("chroot", [Root, program, .. arguments]) { Environment = Merged(NoEnvironment) };

    public Task<CommandResult> RunAsync(CommandLine inside, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inside);
        var command = new CommandLine("chroot", [Root, inside.Program, .. inside.Arguments])
        {
            Environment = Merged(inside.Environment),
            StandardInput = inside.StandardInput,
            Secrets = inside.Secrets,
        };
        return runner.RunCheckedAsync(command, cancellationToken);
    }

    /// <summary>Runs a program inside the root; the first element of <paramref name="argv"/> is the program.</summary>
    public Task<CommandResult> RunAsync(IReadOnlyList<string> argv, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(argv);
        return RunAsync(new CommandLine(argv[0], argv.Skip(1)), cancellationToken);
    }

    private Dictionary<string, string> Merged(IReadOnlyDictionary<string, string> command) =>
        _environment.Concat(buildEnvironment ?? NoEnvironment).Concat(command)
            .GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
}
