using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Kiln.Host;

namespace Kiln.SystemTests;

/// <summary>
/// A real OpenSSH server on 127.0.0.1 for one test: a free non-standard port, its own host key, root's login with
/// a key the test made (authorized in the server's own file, never ~/.ssh), a client configuration with that key
/// and the server's known host key, and XDG_CACHE_HOME for its sessions inside the test's directory. Disposing
/// stops the server and every session it still has (by their process ids).
/// </summary>
public sealed class LocalSshServer : IDisposable
{
    private static readonly Lock LogLock = new();

    private readonly Process _sshd;

    private LocalSshServer(string directory, int port, Process sshd)
    {
        Directory = directory;
        Port = port;
        _sshd = sshd;
    }

    public string Directory { get; }

    public int Port { get; }

    /// <summary>The client configuration (for <c>kiln build --ssh-config</c>): host alias <see cref="Alias"/>.</summary>
    public string ClientConfig => Path.Combine(Directory, "ssh_config");

    public const string Alias = "kiln-test-builder";

    /// <summary>Where kiln copies itself to on the server (the sessions' XDG_CACHE_HOME).</summary>
    public string SessionCache => Path.Combine(Directory, "session-cache");

    public static async Task<LocalSshServer> StartAsync(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);

        // sshd refuses to start without its privilege separation directory, which the init system creates at boot
        // (a machine without systemd, such as a container, has none).
        System.IO.Directory.CreateDirectory("/run/sshd");
        Run("ssh-keygen", "-q", "-t", "ed25519", "-N", string.Empty, "-f", Path.Combine(directory, "host_key"));
        Run("ssh-keygen", "-q", "-t", "ed25519", "-N", string.Empty, "-f", Path.Combine(directory, "client_key"));
        File.Copy(Path.Combine(directory, "client_key.pub"), Path.Combine(directory, "authorized_keys"));
        var port = FreePort();
        var hostKey = File.ReadAllText(Path.Combine(directory, "host_key.pub")).Trim();
        File.WriteAllText(Path.Combine(directory, "known_hosts"), $"[127.0.0.1]:{port.ToString(CultureInfo.InvariantCulture)} {hostKey}\n");
        var sessionCache = Path.Combine(directory, "session-cache");
        File.WriteAllText(Path.Combine(directory, "sshd_config"), $"""
            Port {port}
            ListenAddress 127.0.0.1
            HostKey {directory}/host_key
            PidFile {directory}/sshd.pid
            AuthorizedKeysFile {directory}/authorized_keys
            PermitRootLogin prohibit-password
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            UsePAM no
            StrictModes no
            SetEnv XDG_CACHE_HOME={sessionCache} PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
            """);
        File.WriteAllText(Path.Combine(directory, "ssh_config"), $"""
            Host {Alias}
              HostName 127.0.0.1
              Port {port}
              User root
              IdentityFile {directory}/client_key
              IdentitiesOnly yes
              UserKnownHostsFile {directory}/known_hosts
              StrictHostKeyChecking yes
              LogLevel ERROR
            """);
        var sshd = Process.Start(new ProcessStartInfo("/usr/sbin/sshd", ["-D", "-e", "-f", Path.Combine(directory, "sshd_config")])
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        sshd.ErrorDataReceived += (_, e) => Append(directory, e.Data);
        sshd.BeginErrorReadLine();
        var server = new LocalSshServer(directory, port, sshd);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!Accepts(port))
        {
            if (sshd.HasExited || DateTime.UtcNow > deadline)
            {
                server.Dispose();
                throw new InvalidOperationException($"sshd did not start: {File.ReadAllText(Path.Combine(directory, "sshd.log"))}");
            }

            await Task.Delay(100);
        }

        return server;
    }

    /// <summary>The processes the server runs now: its sessions and what they started.</summary>
    public IReadOnlyList<int> Sessions() => _sshd.HasExited ? [] : ProcessTree.Descendants(_sshd.Id);

    public void Dispose()
    {
        if (!_sshd.HasExited)
        {
            var all = ProcessTree.Descendants(_sshd.Id).Append(_sshd.Id).ToList();
            ProcessTree.TerminateAsync(all, TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();
        }

        _sshd.WaitForExit();
        _sshd.Dispose();
    }

    private static void Append(string directory, string? line)
    {
        if (line is not null)
        {
            lock (LogLock)
            {
                File.AppendAllText(Path.Combine(directory, "sshd.log"), line + "\n");
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static void Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { UseShellExecute = false, RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed: {error}");
        }
    }
}
