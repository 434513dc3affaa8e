namespace Kiln.VirtualMachines;

/// <summary>What a boot test saw: when the login prompt came, whether the login worked, the command's output and exit code.</summary>
public sealed record BootTestResult
{
    public double? SecondsToLoginPrompt { get; init; }

    public double? SecondsToShell { get; init; }

    public string? CommandOutput { get; init; }

    public int? CommandExitCode { get; init; }

    /// <summary>Why the test failed; null when everything asked for worked.</summary>
    public string? Failure { get; init; }

    public bool Succeeded => Failure is null;
}
