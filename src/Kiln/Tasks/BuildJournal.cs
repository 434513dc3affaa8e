namespace Kiln.Tasks;

/// <summary>
/// The journal of one build: every acquisition on the host, written (and flushed to disk) before it is
/// made. It lives beside the build directory (<c>WORKSPACE/BUILD.journal</c>), so a tmpfs mounted on the
/// build directory cannot hide it. A later build, <c>kiln clean</c> and <c>kiln doctor</c> read it when the
/// build's process is gone.
/// </summary>
public sealed class BuildJournal
{
    private readonly Lock _lock = new();

    public BuildJournal(string path) => Path = path;

    /// <summary>A journal that records nothing (dry runs, tests of single tasks).</summary>
    public static BuildJournal None { get; } = new(string.Empty);

    public string Path { get; }

    public static string PathFor(BuildPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return paths.BuildDirectory + ".journal";
    }

    public void Record(Acquisition acquisition)
    {
        ArgumentNullException.ThrowIfNull(acquisition);
        if (Path.Length == 0)
        {
            return;
        }

        lock (_lock)
        {
            using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
            using var writer = new StreamWriter(stream);
            writer.WriteLine(acquisition.ToLine());
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>The acquisitions of a journal file, in the order they were made.</summary>
    public static IReadOnlyList<Acquisition> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return File.Exists(path) ? [.. File.ReadAllLines(path).Select(Acquisition.Parse).OfType<Acquisition>()] : [];
    }
}
