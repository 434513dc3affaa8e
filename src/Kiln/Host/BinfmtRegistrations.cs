using Kiln.Tasks;

namespace Kiln.Host;

/// <summary>
/// The kernel's binfmt_misc table, through which foreign programs run under qemu-user. Kiln mounts the table
/// and registers an emulator only when the host lacks them, and takes them away when the last Kiln build
/// that uses them ends, so the host is left as it was found, after a failure, an interrupt or a crash
/// too. Builds that run side by side share a registration: each one is a user of it in
/// <c>/run/kiln/binfmt</c>, and a user whose build lock is free is gone.
/// </summary>
public sealed class BinfmtRegistrations(ICommandRunner runner, UndoStack undo, BuildJournal journal, string directory = BinfmtRegistrations.DefaultDirectory, string stateDirectory = BinfmtRegistrations.DefaultStateDirectory)
{
    public const string DefaultDirectory = "/proc/sys/fs/binfmt_misc";

    public const string DefaultStateDirectory = "/run/kiln/binfmt";

    /// <summary>Where Debian's qemu-user-static keeps the registration lines (systemd's binfmt.d format).</summary>
    public const string ConfigurationDirectory = "/usr/lib/binfmt.d";

    private const string MountedByKiln = "binfmt_misc.mounted-by-kiln";

    public bool IsMounted => File.Exists(Path.Combine(directory, "register"));

    public bool IsRegistered(string name) => File.Exists(Path.Combine(directory, name)) && File.ReadAllText(Path.Combine(directory, name)).StartsWith("enabled", StringComparison.Ordinal);

    /// <summary>
    /// Makes sure <paramref name="name"/> is registered while the build <paramref name="buildKey"/> (whose lock is
    /// <paramref name="ownerLock"/>) runs; returns whether Kiln registered it now.
    /// </summary>
    public async Task<bool> EnsureAsync(string name, string buildKey, string ownerLock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        journal.Record(new Acquisition(Acquisition.Binfmt, name));
        using var state = await StateLock.TakeAsync(stateDirectory, cancellationToken);
        var users = Path.Combine(stateDirectory, name, "users");
        Directory.CreateDirectory(users);
        await File.WriteAllTextAsync(Path.Combine(users, buildKey), ownerLock, cancellationToken);
        undo.Push($"stop using the binfmt_misc entry {name}", ct => ReleaseAsync(name, buildKey, ct));
        if (!IsMounted)
        {
            var mounted = await runner.RunAsync(new CommandLine("mount", "-t", "binfmt_misc", "binfmt_misc", directory), cancellationToken);
            if (!mounted.Succeeded)
            {
                throw new UserInputException($"this host cannot run foreign programs: binfmt_misc cannot be mounted at {directory} ({mounted.StandardError.Trim()}); build on a host of the image's architecture, or load the binfmt_misc module");
            }

            await File.WriteAllTextAsync(Path.Combine(stateDirectory, MountedByKiln), directory, cancellationToken);
        }

        if (IsRegistered(name))
        {
            return false;
        }

        var line = RegistrationLine(name);
        await runner.RunCheckedAsync(new CommandLine("tee", Path.Combine(directory, "register")) { StandardInput = line + "\n" }, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(stateDirectory, name, "registered-by-kiln"), string.Empty, cancellationToken);
        return true;
    }

    /// <summary>
    /// The build <paramref name="buildKey"/> no longer uses <paramref name="name"/>: when no live build does, what
    /// Kiln added is taken away (the entry, then the mount of the table).
    /// </summary>
    public async Task ReleaseAsync(string name, string buildKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        using var state = await StateLock.TakeAsync(stateDirectory, cancellationToken);
        var entry = Path.Combine(stateDirectory, name);
        var users = Path.Combine(entry, "users");
        File.Delete(Path.Combine(users, buildKey));
        if (LiveUsers(users).Count > 0)
        {
            return;
        }

        if (File.Exists(Path.Combine(entry, "registered-by-kiln")) && File.Exists(Path.Combine(directory, name)))
        {
            await runner.RunCheckedAsync(new CommandLine("tee", Path.Combine(directory, name)) { StandardInput = "-1\n" }, cancellationToken);
        }

        Directory.Delete(entry, recursive: true);
        var mountedFlag = Path.Combine(stateDirectory, MountedByKiln);
        var othersInUse = Directory.GetDirectories(stateDirectory).Length > 0;
        if (File.Exists(mountedFlag) && !othersInUse)
        {
            if (IsMounted)
            {
                await runner.RunCheckedAsync(new CommandLine("umount", directory), cancellationToken);
            }

            File.Delete(mountedFlag);
        }
    }

    /// <summary>The registration line of qemu-user-static for <paramref name="name"/> (e.g. qemu-aarch64).</summary>
    public static string RegistrationLine(string name, string configurationDirectory = ConfigurationDirectory)
    {
        var file = Path.Combine(configurationDirectory, name + ".conf");
        if (!File.Exists(file))
        {
            throw new UserInputException($"{file} is missing, so Kiln cannot register the emulator for foreign programs; install it with: apt-get install qemu-user-static");
        }

        return File.ReadAllLines(file).Select(l => l.Trim()).First(l => l.StartsWith(':'));
    }

    /// <summary>The users whose build is still alive; the files of dead ones are removed.</summary>
    private static List<string> LiveUsers(string users)
    {
        var live = new List<string>();
        foreach (var user in Directory.Exists(users) ? Directory.GetFiles(users) : [])
        {
            if (BuildOwnership.IsAlive(File.ReadAllText(user).Trim()))
            {
                live.Add(user);
            }
            else
            {
                File.Delete(user);
            }
        }

        return live;
    }
}
