namespace Kiln.Host;

/// <summary>One external command, exactly as it will be executed: the program and its argument vector.</summary>
public sealed record CommandLine
{
    public CommandLine(string program, IEnumerable<string> arguments)
    {
        Program = program;
        Arguments = [.. arguments];
    }

    public CommandLine(string program, params string[] arguments)
        : this(program, (IEnumerable<string>)arguments)
    {
    }

    public string Program { get; }

    public IReadOnlyList<string> Arguments { get; }

    /// <summary>Environment variables set for the command on top of the inherited environment.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Text written to the command's standard input, then closed.</summary>
    public string? StandardInput { get; init; }

    public string? WorkingDirectory { get; init; }

    /// <summary>
    /// False for a program whose standard output only echoes its input (debugfs -f): the output is kept in the
    /// result, but not logged line by line. Its standard error is logged as always.
    /// </summary>
    public bool LogsStandardOutput { get; init; } = true;

    /// <summary>Values masked wherever the command line, its input or its output is logged.</summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];

    /// <summary>The argument vector, program first.</summary>
    public IReadOnlyList<string> Argv => [Program, .. Arguments];

    public CommandLine WithEnvironment(string name, string value)
    {
        var environment = new Dictionary<string, string>(Environment, StringComparer.Ordinal) { [name] = value };
        return this with { Environment = environment };
    }

    /// <summary>The command as a shell would need it typed, for logs and error messages.</summary>
    public override string ToString() => ShellQuoting.Join(Argv);
}
