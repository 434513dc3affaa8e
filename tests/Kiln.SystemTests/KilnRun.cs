namespace Kiln.SystemTests;

/// <summary>What one run of the kiln CLI left: exit code and output.</summary>
public sealed record KilnRun(int ExitCode, string Output, string Error)
{
    public string All => Output + Error;

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
