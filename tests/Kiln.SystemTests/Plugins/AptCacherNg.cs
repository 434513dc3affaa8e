using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Kiln.SystemTests.Plugins;

/// <summary>
/// A real apt-cacher-ng in the foreground on 127.0.0.1, with its own configuration, cache and log directories
/// below the given directory; stopped and waited for on dispose.
/// </summary>
public sealed class AptCacherNg : IDisposable
{
    private readonly Process _process;

    public AptCacherNg(string directory)
    {
        var configuration = Path.Combine(directory, "conf");
        LogDirectory = Path.Combine(directory, "log");
        foreach (var sub in new[] { configuration, LogDirectory, Path.Combine(directory, "cache") })
        {
            Directory.CreateDirectory(sub);
        }

        Port = FreePort();
        File.WriteAllText(Path.Combine(configuration, "acng.conf"), $"""
            Port: {Port}
            BindAddress: 127.0.0.1
            CacheDir: {directory}/cache
            LogDir: {LogDirectory}
            PidFile: {directory}/apt-cacher-ng.pid
            SocketPath: {directory}/apt-cacher-ng.socket
            ForeGround: 1

            """);
        var info = new ProcessStartInfo("/usr/sbin/apt-cacher-ng") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(configuration);
        _process = Process.Start(info)!;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitUntilListening();
    }

    public int Port { get; }

    public string LogDirectory { get; }

    /// <summary>The transfer log: one line per file, <c>time|I or O|bytes|client|host/path</c> (O: sent to the client).</summary>
    public IReadOnlyList<string> SentToClients() =>
        [.. File.ReadAllLines(Path.Combine(LogDirectory, "apt-cacher.log")).Where(line => line.Split('|') is [_, "O", ..])];

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
        _process.Dispose();
    }

    /// <summary>
    /// A free port below 32768: apt-cacher-ng 3.7 keeps the port in a signed 16-bit number, so a higher one (where the
    /// kernel's ephemeral ports are) turns negative and it cannot bind.
    /// </summary>
    private static int FreePort()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = Random.Shared.Next(20000, 32000);
            try
            {
                using var probe = new TcpListener(IPAddress.Loopback, port);
                probe.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try another.
            }
        }

        throw new InvalidOperationException("no free port between 20000 and 32000 for apt-cacher-ng");
    }

    private void WaitUntilListening()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"apt-cacher-ng exited with {_process.ExitCode} on port {Port}");
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(200);
            }
        }

        throw new InvalidOperationException($"apt-cacher-ng did not listen on port {Port} within 20 s");
    }
}
