using System.Globalization;
using Kiln.Specs;

namespace Kiln.Builds;

/// <summary>
/// One lock per output file of a build (<c>OUTPUT/.NAME.EXT.lock</c>), held while it runs: a second build that
/// would write the same file refuses at once, naming the build that holds it. Builds that do not collide run
/// side by side. Each lock is in the build's journal before it is taken, so the lock files of a killed build
/// are removed by its recovery (<see cref="RemoveStale"/>).
/// </summary>
public sealed class OutputLocks : IDisposable
{
    private readonly List<(string Path, FileStream Stream)> _held = [];

    private OutputLocks()
    {
    }

    public static string LockPathFor(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return Path.Combine(Path.GetDirectoryName(output) ?? ".", $".{Path.GetFileName(output)}.lock");
    }

    public static OutputLocks Acquire(BuildSpec spec, string buildDirectory, Tasks.BuildJournal journal)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(journal);
        var locks = new OutputLocks();
        try
        {
            foreach (var output in spec.Outputs.All)
            {
                journal.Record(new Tasks.Acquisition(Tasks.Acquisition.Lock, LockPathFor(output.LockTarget)));
                locks.Take(output.LockTarget, buildDirectory);
            }

            return locks;
        }
        catch
        {
            locks.Dispose();
            throw;
        }
    }

    /// <summary>Removes the lock file <paramref name="path"/> and its owner file, unless a live build holds it.</summary>
    public static void RemoveStale(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            File.Delete(path + ".owner");
            return;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            File.Delete(path);
        }
        catch (IOException)
        {
            return; // another build holds it now: it is that build's
        }

        File.Delete(path + ".owner");
    }

    public void Dispose()
    {
        foreach (var (path, stream) in _held)
        {
            File.Delete(path);
            stream.Dispose();
            File.Delete(path + ".owner");
        }

        _held.Clear();
    }

    private void Take(string output, string buildDirectory)
    {
        var path = LockPathFor(output);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException exception)
        {
            var owner = File.Exists(path + ".owner") ? File.ReadAllText(path + ".owner").Trim() : "another kiln build";
            throw new UserInputException($"{output} is being written by another build ({owner}); wait for it to end, or give this build another --output directory", exception);
        }

        // Who holds it, in a file of its own: the lock file itself cannot be read while it is locked.
        File.WriteAllText(path + ".owner", string.Create(CultureInfo.InvariantCulture, $"kiln process {Environment.ProcessId}, {buildDirectory}"));
        _held.Add((path, stream));
    }
}
