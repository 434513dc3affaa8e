namespace Kiln.Cli.Commands;

/// <summary>How a doctor check went: passed, a required tool missing, worth attention, or a plain fact.</summary>
public enum DoctorStatus
{
    Ok,
    Missing,
    Warning,
    Info,
}
