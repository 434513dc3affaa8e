using System.Diagnostics;
using System.Globalization;

namespace Kiln.SystemTests;

/// <summary>
/// The cache of bootstrapped trees the system tests share: one directory per test run (tests of one release
/// and package set bootstrap once), removed when the run ends; directories of runs whose process is gone are
/// removed by the next run. The host's own cache is never touched.
/// </summary>
public static class SuiteCache
{
    private const string Parent = "/var/tmp/kiln-system-tests-cache";

    private static readonly Lazy<string> Current = new(Create);

    /// <summary>The environment a kiln under test gets: this run's cache.</summary>
    public static IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["KILN_CACHE_DIR"] = Current.Value };

    private static string Create()
    {
        Directory.CreateDirectory(Parent);
        foreach (var stale in Directory.GetDirectories(Parent).Where(d => !IsAlive(Path.GetFileName(d))))
        {
            Remove(stale);
        }

        var directory = Path.Combine(Parent, System.Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(directory);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Remove(directory);
        return directory;
    }

    private static bool IsAlive(string name) =>
        int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Directory.Exists($"/proc/{pid}");

    /// <summary>Trees hold device nodes and links; rm never leaves the file system they are on.</summary>
    private static void Remove(string directory)
    {
        using var rm = Process.Start(new ProcessStartInfo("rm", ["-rf", "--one-file-system", "--", directory]) { UseShellExecute = false })!;
        rm.WaitForExit();
    }
}
