using System.Net;
using System.Net.Sockets;

namespace Kiln.SystemTests.Plugins;

/// <summary>Serves a directory over HTTP on 127.0.0.1 and a free port, as a vendor's apt repository would be served.</summary>
public sealed class LocalRepositoryServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _root;
    private readonly Task _serving;

    public LocalRepositoryServer(string root)
    {
        _root = Path.GetFullPath(root);
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>Every path requested, in order (the test checks that apt really came here).</summary>
    public List<string> Requests { get; } = [];

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => Answer(context));
        }
    }

    private void Answer(HttpListenerContext context)
    {
        using var response = context.Response;
        var relative = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath).TrimStart('/');
        lock (Requests)
        {
            Requests.Add(relative);
        }

        var path = Path.GetFullPath(Path.Combine(_root, relative));
        if (!path.StartsWith(_root + "/", StringComparison.Ordinal) || !File.Exists(path))
        {
            response.StatusCode = 404;
            return;
        }

        var content = File.ReadAllBytes(path);
        response.ContentLength64 = content.Length;
        response.ContentType = "application/octet-stream";
        if (context.Request.HttpMethod != "HEAD")
        {
            response.OutputStream.Write(content);
        }
    }
}
