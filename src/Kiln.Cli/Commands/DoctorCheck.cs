namespace Kiln.Cli.Commands;

/// <summary>One line of <c>kiln doctor</c>: what was checked, how it went, and what to do.</summary>
public sealed record DoctorCheck(DoctorStatus Status, string Name, string Detail)
{
    /// <summary>The Debian package that provides what is missing.</summary>
    public string? Package { get; init; }
}
