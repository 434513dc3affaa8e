namespace Kiln.Remote;

/// <summary>
/// Explains why ssh could not even run the command (its exit code 255) in one sentence that says what to do,
/// from what ssh printed.
/// </summary>
public static class SshFailure
{
    public const int ExitCode = 255;

    public static string Explain(BuildHost host, string? sshConfig, string error)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(error);
        var destination = host.Destination;
        var name = host.Name == destination.Host ? destination.ToString() : $"{host.Name} ({destination})";
        var said = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .LastOrDefault(line => !line.StartsWith("Warning:", StringComparison.Ordinal)) ?? "no message";
        bool Says(string text) => error.Contains(text, StringComparison.OrdinalIgnoreCase);
        if (Says("Permission denied"))
        {
            return $"cannot log in to {name}: the server refused the login ({said}); check the user, the key (keyfile, your ssh-agent, IdentityFile) and the server's authorized_keys";
        }

        if (Says("Host key verification failed") || Says("REMOTE HOST IDENTIFICATION HAS CHANGED") || Says("No ED25519 host key is known") || Says("host key is known"))
        {
            return $"the host key of {name} is not known or has changed ({said}); connect once with `ssh {destination.Target}` to check and accept it";
        }

        if (Says("Could not resolve hostname") || Says("Name or service not known"))
        {
            return $"cannot find the host {destination.Host} ({said}); check the address, or the Host entry of your SSH configuration";
        }

        if (Says("Connection refused"))
        {
            return $"{name} refused the connection ({said}); check the port and that an SSH server runs there";
        }

        if (Says("timed out") || Says("No route to host") || Says("Network is unreachable"))
        {
            return $"cannot reach {name} ({said}); check the address, the network and the firewall";
        }

        if (sshConfig is not null && (Says("Bad configuration option") || Says("Can't open user config file") || Says("terminating, ")))
        {
            return $"ssh cannot use the configuration {sshConfig} ({said}); fix that file or leave out --ssh-config";
        }

        return $"ssh to {name} failed ({said}); try `ssh {destination.Target}` by hand to see why";
    }
}
