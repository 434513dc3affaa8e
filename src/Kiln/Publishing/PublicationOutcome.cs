namespace Kiln.Publishing;

/// <summary>How a publication ended: what it made, or the error and whether what it had made was deleted again.</summary>
public sealed record PublicationOutcome(PublicationResult? Result, Exception? Error, bool Interrupted, IReadOnlyList<Exception> UndoFailures)
{
    public bool Succeeded => Error is null;

    /// <summary>0 published, 130 interrupted, the error's own code (2 for bad input), else 1.</summary>
    public int ExitCode => Error switch
    {
        null => 0,
        _ when Interrupted => 130,
        KilnException kiln => kiln.ExitCode,
        _ => 1,
    };
}
