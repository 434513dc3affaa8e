using System.Runtime.InteropServices;

namespace Kiln.Host;

/// <summary>Sends POSIX signals to child processes, so that they can clean up before they are killed.</summary>
public static partial class ProcessSignals
{
    public const int SigHup = 1;
    public const int SigInt = 2;
    public const int SigQuit = 3;
    public const int SigTerm = 15;
    public const int SigKill = 9;

    /// <summary>Sends <paramref name="signal"/> to the process; false when it no longer exists.</summary>
    public static bool Send(int processId, int signal) => Kill(processId, signal) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int sig);
}
