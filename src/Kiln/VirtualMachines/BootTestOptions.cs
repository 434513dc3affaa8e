namespace Kiln.VirtualMachines;

/// <summary>What <c>kiln test</c> checks: that the image reaches a login prompt, and optionally a login and a command.</summary>
public sealed record BootTestOptions
{
    public string? User { get; init; }

    public string? Password { get; init; }

    public string? Command { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(300);
}
