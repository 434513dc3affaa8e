namespace Kiln.Remote;

/// <summary>Whether a build host can build with this kiln: one sentence that says what to do, or null.</summary>
public static class ServerCheck
{
    /// <param name="host">The host, for the message.</param>
    /// <param name="facts">What the probe found there.</param>
    /// <param name="kiln">The kiln that would be copied there.</param>
    /// <param name="localMachine">This machine's architecture (<c>uname -m</c>), which a self-contained kiln is built for.</param>
    public static string? Problem(BuildHost host, ServerFacts facts, KilnInstallation kiln, string localMachine)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(kiln);
        var name = host.Name;
        if (!facts.IsDebian)
        {
            return $"{name} runs {facts.OsName}, not Debian; Kiln builds on Debian or a derivative of it (its host tools come from apt), so choose a Debian build host";
        }

        if (!facts.IsRoot && !facts.PasswordlessSudo)
        {
            return $"{facts.User} on {name} is not root and cannot use sudo without a password, which building an image needs; log in as root (PermitRootLogin prohibit-password) or allow {facts.User} passwordless sudo";
        }

        if (facts.KilnCache.Length == 0 || !facts.KilnCache.StartsWith('/'))
        {
            return $"{facts.User} on {name} has no home directory to keep kiln in (~/.cache/kiln/remote); give the user a home directory, or set XDG_CACHE_HOME for SSH sessions";
        }

        if (!facts.HasTar)
        {
            return $"{name} has no tar, which Kiln copies files with; install it there (apt-get install tar)";
        }

        if (kiln.NeedsRuntime && (facts.Dotnet is null || !facts.HasRuntime(KilnInstallation.RuntimeMajor)))
        {
            var found = facts.Runtimes.Count == 0 ? "none" : string.Join(", ", facts.Runtimes);
            return $"{name} has no .NET {KilnInstallation.RuntimeMajor} runtime (found: {found}), which this kiln (run as `dotnet {kiln.EntryFile}`) needs there; install the .NET {KilnInstallation.RuntimeMajor} runtime on {name}, or run a self-contained kiln";
        }

        if (!kiln.NeedsRuntime && facts.Machine != localMachine)
        {
            return $"this kiln is a self-contained {localMachine} program and {name} is {facts.Machine}; run a kiln built for {facts.Machine}, or the framework-dependent kiln (dotnet Kiln.Cli.dll) with a .NET runtime on {name}";
        }

        return null;
    }
}
