using System.CommandLine;

namespace Kiln.Cli.Output;

/// <summary>
/// The command tree as the help shows it, in one shape for the generators of the man page, the CLI reference
/// page and the shell completions: every visible verb with its arguments and options (the global ones included).
/// </summary>
public sealed record CommandReference(string Name, string Description, IReadOnlyList<ArgumentReference> Arguments, IReadOnlyList<OptionReference> Options, IReadOnlyList<CommandReference> Verbs)
{
    /// <summary>The exit codes every verb shares, and those of the verbs that differ.</summary>
    public static IReadOnlyList<(string Code, string Meaning)> ExitCodes { get; } =
    [
        ("0", "success (a valid manifest, a built image, a passed test)"),
        ("1", "the build or the test failed (a build is rolled back first)"),
        ("2", "bad input: a manifest, an argument or option, a missing host tool that cannot be installed, an output directory that cannot take the image, another build writing the same image"),
        ("130", "interrupted by SIGINT, SIGTERM, SIGHUP or SIGQUIT (a build is rolled back first)"),
    ];

    public static CommandReference Of(Command root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var global = root.Options.Where(o => !o.Hidden).Select(OptionReference.Of).ToList();
        return new CommandReference(
            root.Name,
            root.Description ?? string.Empty,
            [],
            global,
            [.. root.Subcommands.Where(c => !c.Hidden).Select(c => Verb(c, root))]);
    }

    private static CommandReference Verb(Command command, Command root)
    {
        var recursive = root.Options.Where(o => o.Recursive && !o.Hidden).Select(OptionReference.Of);
        var options = command.Options.Where(o => !o.Hidden).Select(OptionReference.Of).Concat(recursive).DistinctBy(o => o.Name).ToList();
        return new CommandReference(
            command.Name,
            command.Description ?? string.Empty,
            [.. command.Arguments.Where(a => !a.Hidden).Select(a => new ArgumentReference(a.Name, a.Description ?? string.Empty, a.Arity.MinimumNumberOfValues == 0, a.Arity.MaximumNumberOfValues > 1))],
            options,
            [.. command.Subcommands.Where(c => !c.Hidden).Select(c => Verb(c, root))]);
    }

    /// <summary>The usage line: <c>kiln build [MANIFEST] [OPTIONS]</c>.</summary>
    public string Usage(string program) =>
        string.Join(' ', new[] { program, Name }.Concat(Arguments.Select(a => a.Usage)).Append("[OPTIONS]"));
}
