namespace Kiln.Tasks;

/// <summary>How a build ended.</summary>
public enum BuildOutcome
{
    Succeeded,
    Failed,
    Interrupted,
}
