namespace Kiln.Cli;

/// <summary>Console writes that cannot fail: after SIGHUP the terminal may be gone, and the rollback must still run.</summary>
public static class SafeConsole
{
    public static void WriteError(string line)
    {
        try
        {
            Console.Error.WriteLine(line);
        }
        catch (IOException)
        {
            // The terminal is gone (a closed SSH session); the log file has the same line.
        }
    }

    /// <summary>Runs a console write, dropping it when the terminal is gone.</summary>
    public static void Write(Action write)
    {
        ArgumentNullException.ThrowIfNull(write);
        try
        {
            write();
        }
        catch (IOException)
        {
            // As above.
        }
    }
}
