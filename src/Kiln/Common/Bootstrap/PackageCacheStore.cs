using System.Globalization;
using Kiln.Host;
using Kiln.Packages;

namespace Kiln.Common.Bootstrap;

/// <summary>
/// Keeps the package cache up to date after a bootstrap: every .deb the bootstrap used goes in (renamed into place,
/// so a build reading the directory at the same time never sees half a file), and a version of a package this
/// bootstrap did not use goes out when it used another one (what <c>apt-get autoclean</c> would remove), so the
/// cache holds about one version of each package ever installed.
/// </summary>
public static class PackageCacheStore
{
    private const string PartialMarker = ".partial-";

    /// <summary>Moves the files in <paramref name="staging"/> into <paramref name="cache"/> and removes <paramref name="staging"/>.</summary>
    /// <param name="staging">The .deb files the bootstrap used.</param>
    /// <param name="cache">The package cache.</param>
    /// <param name="local">File names of local packages the manifest installs: they are not the archive's and stay out.</param>
    public static PackageCachePublication Publish(string staging, string cache, IReadOnlySet<string> local)
    {
        ArgumentNullException.ThrowIfNull(local);
        if (!Directory.Exists(staging))
        {
            return new PackageCachePublication(0, 0, 0);
        }

        Directory.CreateDirectory(cache);
        var used = new List<string>();
        int reused = 0, added = 0;
        foreach (var file in Directory.GetFiles(staging, "*.deb"))
        {
            var name = Path.GetFileName(file);
            if (local.Contains(name) || DebFileName.Parse(name) is null)
            {
                continue;
            }

            used.Add(name);
            var target = Path.Combine(cache, name);
            if (File.Exists(target) && new FileInfo(target).Length == new FileInfo(file).Length)
            {
                reused++;
                continue;
            }

            var partial = Path.Combine(cache, string.Create(CultureInfo.InvariantCulture, $".{name}{PartialMarker}{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}"));
            File.Move(file, partial);
            File.Move(partial, target, overwrite: true);
            added++;
        }

        var removed = 0;
        foreach (var name in Superseded(Directory.GetFiles(cache, "*.deb").Select(Path.GetFileName).OfType<string>(), used))
        {
            File.Delete(Path.Combine(cache, name));
            removed++;
        }

        RemoveAbandonedPartials(cache);
        Directory.Delete(staging, recursive: true);
        return new PackageCachePublication(reused, added, removed);
    }

    /// <summary>The cached files that are another version of a package (of the same architecture) than the one used.</summary>
    public static IEnumerable<string> Superseded(IEnumerable<string> cached, IEnumerable<string> used)
    {
        var usedBySlot = used.Select(DebFileName.Parse).OfType<DebFileName>()
            .GroupBy(d => d.Slot, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(d => d.Version).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        return cached
            .Select(name => (Name: name, Deb: DebFileName.Parse(name)))
            .Where(c => c.Deb is { } deb && usedBySlot.TryGetValue(deb.Slot, out var versions) && !versions.Contains(deb.Version))
            .Select(c => c.Name)
            .Order(StringComparer.Ordinal);
    }

    /// <summary>Half-moved files of builds that died while publishing (their process is gone).</summary>
    private static void RemoveAbandonedPartials(string cache)
    {
        foreach (var partial in Directory.GetFiles(cache, $".*{PartialMarker}*"))
        {
            var owner = Path.GetFileName(partial).Split(PartialMarker)[^1].Split('-')[0];
            if (!LiveProcess.IsAlive(owner))
            {
                File.Delete(partial);
            }
        }
    }
}
