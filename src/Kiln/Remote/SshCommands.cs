using System.Globalization;
using Kiln.Host;

namespace Kiln.Remote;

/// <summary>
/// The exact local command lines of a remote build: <c>ssh</c> with the user's own configuration (or
/// <c>--ssh-config</c>), and the local halves of <c>tar | ssh</c> and <c>ssh | tar</c>. Every one runs in a session
/// of its own (<c>setsid -w</c>), so that the terminal's Ctrl-C reaches kiln alone: kiln then decides how each stops
/// (the build is told through its input, so that it rolls back on the server before ssh ends).
/// </summary>
public sealed class SshCommands(BuildHost host, string? sshConfig)
{
    /// <summary>ssh never prompts (there is no one to answer), and notices a dead connection within a minute.</summary>
    private static readonly string[] FixedOptions = ["-T", "-o", "BatchMode=yes", "-o", "ConnectTimeout=20", "-o", "ServerAliveInterval=15", "-o", "ServerAliveCountMax=4"];

    private static readonly string[] OwnSession = ["setsid", "-w"];

    public BuildHost Host => host;

    /// <summary>The configuration file given with <c>--ssh-config</c>, or null.</summary>
    public string? Config => sshConfig;

    /// <summary><c>ssh [options] -- destination command</c>, the remote command being one string for the server's shell.</summary>
    public CommandLine Run(string remoteCommand)
    {
        ArgumentNullException.ThrowIfNull(remoteCommand);
        List<string> argv = [.. OwnSession, "ssh"];
        if (sshConfig is not null)
        {
            argv.AddRange(["-F", sshConfig]);
        }

        argv.AddRange(FixedOptions);
        if (host.Destination.Port is { } port)
        {
            argv.AddRange(["-p", port.ToString(CultureInfo.InvariantCulture)]);
        }

        if (host.KeyFile is { } key)
        {
            argv.AddRange(["-i", key, "-o", "IdentitiesOnly=yes"]);
        }

        argv.AddRange(["--", host.Destination.Target, remoteCommand]);
        return new CommandLine(argv[0], argv.Skip(1));
    }

    /// <summary>
    /// <c>tar -c</c> of <paramref name="members"/> of <paramref name="directory"/> (all of it: <c>.</c>) piped into
    /// <paramref name="remoteReceiver"/>; <paramref name="excluded"/> are paths relative to the directory left out.
    /// </summary>
    public (CommandLine Producer, CommandLine Consumer) Upload(string directory, IReadOnlyList<string> members, IReadOnlyList<string> excluded, string remoteReceiver)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(excluded);
        IReadOnlyList<string> exclusions = [.. excluded.Select(path => $"--exclude=./{path}")];
        var tar = new CommandLine(OwnSession[0], [OwnSession[1], "tar", "-C", directory, .. exclusions, "-c", "-f", "-", "--", .. members]);
        return (tar, Run(remoteReceiver));
    }

    /// <summary><paramref name="remoteSender"/> (a tar stream) unpacked into the local <paramref name="directory"/>, owned by the local user.</summary>
    public (CommandLine Producer, CommandLine Consumer) Download(string remoteSender, string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var tar = new CommandLine(OwnSession[0], OwnSession[1], "tar", "-x", "-f", "-", "--no-same-owner", "-C", directory);
        return (Run(remoteSender), tar);
    }
}
