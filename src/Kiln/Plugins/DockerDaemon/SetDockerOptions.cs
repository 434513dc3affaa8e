using Kiln.Common;
using Kiln.Tasks;

namespace Kiln.Plugins.DockerDaemon;

/// <summary>
/// Gives dockerd the manifest's <c>docker_opts</c> with a drop-in that repeats the installed unit's own command and
/// appends the options, so they work whatever the release's unit says (and /etc/default/docker still applies).
/// </summary>
public sealed class SetDockerOptions : BuildTask
{
    public const string DropInPath = "/etc/systemd/system/docker.service.d/kiln-docker-opts.conf";

    private static readonly string[] UnitPaths = ["/usr/lib/systemd/system/docker.service", "/lib/systemd/system/docker.service"];

    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Setting the Docker daemon's options";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var unit = UnitPaths.Select(context.Paths.InRoot).FirstOrDefault(File.Exists)
            ?? throw new KilnException("docker.io installed no docker.service unit; Kiln cannot give dockerd its options");
        var options = context.Spec.SettingsOf<DockerDaemonSettings>().DockerOpts!;
        context.WriteFile(DropInPath, DropIn(File.ReadAllText(unit), options));
        return Task.CompletedTask;
    }

    public static string DropIn(string unitText, string dockerOpts)
    {
        ArgumentNullException.ThrowIfNull(unitText);
        ArgumentNullException.ThrowIfNull(dockerOpts);
        var execStart = unitText.Split('\n').Select(line => line.Trim()).LastOrDefault(line => line.StartsWith("ExecStart=", StringComparison.Ordinal) && line.Length > "ExecStart=".Length)
            ?? throw new KilnException("docker.io's docker.service has no ExecStart line; Kiln cannot give dockerd its options");
        var command = $"{execStart["ExecStart=".Length..]} {EscapeForSystemd(dockerOpts)}";
        return ImageFiles.Asset<SetDockerOptions>("Plugins/DockerDaemon/assets/kiln-docker-opts.conf").Replace("@EXEC_START@", command, StringComparison.Ordinal);
    }

    /// <summary>systemd would expand <c>%</c> specifiers and <c>$</c> variables in the options; doubled, they stay literal.</summary>
    public static string EscapeForSystemd(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("%", "%%", StringComparison.Ordinal).Replace("$", "$$", StringComparison.Ordinal);
    }
}
