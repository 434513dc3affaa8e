using Kiln.Host;

namespace Kiln.Remote;

/// <summary>
/// The command lines run on a build host, as the one string ssh hands to the server's login shell: each program
/// and argument shell-quoted, the scripts (assets next to this file) passed to <c>sh -c</c> with their values as
/// positional arguments. What needs root runs under <c>sudo -n</c> when the login user is not root.
/// </summary>
public sealed class RemoteCommands(bool useSudo)
{
    private static readonly Lazy<string> ProbeScript = new(() => Script("probe.sh"));
    private static readonly Lazy<string> InstallScript = new(() => Script("install-kiln.sh"));
    private static readonly Lazy<string> BuildScript = new(() => Script("run-build.sh"));

    private IReadOnlyList<string> AsRoot => useSudo ? ["sudo", "-n"] : [];

    /// <summary>Prints what ServerFacts reads; <paramref name="kilnHash"/> tells whether that kiln is there already.</summary>
    public static string Probe(string kilnHash) => ShellQuoting.Join(["sh", "-c", ProbeScript.Value, "kiln-probe", kilnHash]);

    /// <summary>Unpacks the kiln on standard input into <paramref name="cache"/>/<paramref name="kilnHash"/> (as the login user).</summary>
    public static string InstallKiln(string cache, string kilnHash) => ShellQuoting.Join(["sh", "-c", InstallScript.Value, "kiln-install", cache, kilnHash]);

    /// <summary>Creates the run directory and unpacks the manifest's directory arriving on standard input into its input directory.</summary>
    public string ReceiveInput(RemoteRunPaths run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return ShellQuoting.Join([.. AsRoot, "sh", "-c", "mkdir -p -- \"$1\" && exec tar -x -f - -C \"$1\"", "kiln-receive", run.Input]);
    }

    /// <summary>Runs <c>kiln build</c> under the wrapper that turns the end of the SSH channel into SIGHUP (a rollback).</summary>
    public string Build(IReadOnlyList<string> kiln, IReadOnlyList<string> buildArguments, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(kiln);
        ArgumentNullException.ThrowIfNull(buildArguments);
        ArgumentNullException.ThrowIfNull(environment);
        IReadOnlyList<string> variables = ["NO_COLOR=1", .. environment.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}")];
        return ShellQuoting.Join([.. AsRoot, "sh", "-c", BuildScript.Value, "kiln-build", "env", .. variables, .. kiln, "build", .. buildArguments]);
    }

    /// <summary>Writes the directory as a tar stream (sparse files stay sparse) on standard output; an absent directory gives an empty archive.</summary>
    public string Send(string directory) =>
        ShellQuoting.Join([.. AsRoot, "sh", "-c", "mkdir -p -- \"$1\" && cd -- \"$1\" && exec tar -S -c -f - .", "kiln-send", directory]);

    /// <summary>Prints <c>sha256sum</c> lines (<c>HASH  ./PATH</c>) of every file below the directory; nothing for an absent one.</summary>
    public string Checksums(string directory) =>
        ShellQuoting.Join([.. AsRoot, "sh", "-c", "if [ -d \"$1\" ]; then cd -- \"$1\" && find . -type f -exec sha256sum -- {} +; fi", "kiln-checksums", directory]);

    /// <summary>Removes the run directory; never below a mount point in it.</summary>
    public string Remove(RemoteRunPaths run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return ShellQuoting.Join([.. AsRoot, "rm", "-rf", "--one-file-system", "--", run.Directory]);
    }

    private static string Script(string name) => EmbeddedResources.ReadText(typeof(RemoteCommands).Assembly, $"Remote/assets/{name}");
}
