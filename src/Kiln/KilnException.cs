namespace Kiln;

/// <summary>An error Kiln explains in one message; the CLI prints the message, never a stack trace.</summary>
public class KilnException : Exception
{
    public KilnException(string message)
        : base(message)
    {
    }

    public KilnException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The process exit code this error maps to: 1 for a failed build, 2 for bad input.</summary>
    public virtual int ExitCode => 1;
}
