using System.Globalization;
using System.Text;
using Kiln.Host;

namespace Kiln.Caching;

/// <summary>
/// The bootstrapper's <c>--version</c> output (part of every tree's fingerprint), remembered in the store's folder
/// by the identity of the program's file: its path, length, modification and change times. Asking mmdebstrap
/// starts perl and compiles the whole script, 0.1 s of every build that uses a store; an upgraded or replaced
/// program has another change time, so it is asked again.
/// </summary>
public static class ToolVersionMemo
{
    public const string FileName = "kiln-tool-versions.txt";

    /// <summary>The remembered version of the program at <paramref name="program"/>, or what <paramref name="ask"/> says (then remembered); a program not found is always asked.</summary>
    public static async Task<string> ReadAsync(string folder, string? program, Func<CancellationToken, Task<string>> ask, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ask);
        var identity = program is null ? null : IdentityOf(program);
        var memo = Path.Combine(folder, FileName);
        if (identity is null)
        {
            return await ask(cancellationToken);
        }

        if (Read(memo).TryGetValue(identity, out var known))
        {
            return known;
        }

        var version = await ask(cancellationToken);
        var entries = Read(memo);
        entries[identity] = version;
        TryWrite(memo, entries);
        return version;
    }

    /// <summary>The file <paramref name="program"/> is (links followed), as one line: path, length, modification and change times; null when it is gone.</summary>
    public static string? IdentityOf(string program)
    {
        if (!File.Exists(program))
        {
            return null;
        }

        var path = File.ResolveLinkTarget(program, returnFinalTarget: true)?.FullName ?? Path.GetFullPath(program);
        var times = FileTimes.Get(path);
        return string.Create(CultureInfo.InvariantCulture,
            $"{path} {new FileInfo(path).Length} {times.Modified.Seconds}.{times.Modified.Nanoseconds:D9} {times.Changed.Seconds}.{times.Changed.Nanoseconds:D9}");
    }

    /// <summary>The remembered versions: a line per program, its identity and its version in base64 (versions may span lines), a tab between.</summary>
    private static Dictionary<string, string> Read(string memo)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(memo))
        {
            return entries;
        }

        foreach (var line in File.ReadAllLines(memo))
        {
            var tab = line.LastIndexOf('\t');
            if (tab > 0 && TryDecode(line[(tab + 1)..], out var version))
            {
                entries[line[..tab]] = version;
            }
        }

        return entries;
    }

    /// <summary>
    /// Written beside and renamed over the old file, so that a build reading it meanwhile sees one or the other. The
    /// temporary file is the writer's own (the builds of one run write at once, in one process). Builds writing at
    /// once may lose each other's line; it is asked again next time. A memo that cannot be written is not one: the
    /// build goes on with the version it asked.
    /// </summary>
    private static void TryWrite(string memo, Dictionary<string, string> entries)
    {
        var temporary = $"{memo}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllLines(temporary, entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}\t{Convert.ToBase64String(Encoding.UTF8.GetBytes(e.Value))}"));
            File.Move(temporary, memo, overwrite: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
        }
    }

    private static bool TryDecode(string text, out string version)
    {
        var bytes = new byte[text.Length];
        if (Convert.TryFromBase64String(text, bytes, out var written))
        {
            version = Encoding.UTF8.GetString(bytes, 0, written);
            return true;
        }

        version = string.Empty;
        return false;
    }
}
