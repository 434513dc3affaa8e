using System.Globalization;

namespace Kiln.Tasks;

/// <summary>
/// The lock that says a build is alive: <c>WORKSPACE/BUILD.lock</c>, held open with an exclusive lock for
/// as long as the build's process lives (the kernel drops it when the process dies, however it dies). A
/// build whose lock can be taken is stale; no other build touches a live one's directory.
/// </summary>
public sealed class BuildOwnership : IDisposable
{
    private readonly FileStream _stream;

    private BuildOwnership(string path, FileStream stream)
    {
        Path = path;
        _stream = stream;
    }

    public string Path { get; }

    public static string PathFor(BuildPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return paths.BuildDirectory + ".lock";
    }

    /// <summary>Takes the lock of a new build and writes who holds it.</summary>
    public static BuildOwnership Claim(string path)
    {
        var stream = Take(path, create: true) ?? throw new KilnException($"the build lock {path} is held by another process");
        using var writer = new StreamWriter(stream, leaveOpen: true);
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"pid {Environment.ProcessId}\nstarted {DateTimeOffset.UtcNow:O}\ncommand {Environment.CommandLine}\n"));
        writer.Flush();
        stream.Flush(flushToDisk: true);
        return new BuildOwnership(path, stream);
    }

    /// <summary>Takes the lock of a build whose process is gone (to recover it), or null when the build is alive.</summary>
    public static BuildOwnership? TryTakeOver(string path)
    {
        var stream = Take(path, create: false);
        return stream is null ? null : new BuildOwnership(path, stream);
    }

    public static bool IsAlive(string path)
    {
        using var stream = Take(path, create: false);
        return stream is null && File.Exists(path);
    }

    /// <summary>Releases the lock and removes the file (the build is over and cleaned up).</summary>
    public void Dispose()
    {
        File.Delete(Path);
        _stream.Dispose();
    }

    private static FileStream? Take(string path, bool create)
    {
        try
        {
            return new FileStream(path, create ? FileMode.OpenOrCreate : FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
