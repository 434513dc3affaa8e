using System.Net;
using System.Net.Sockets;

namespace Kiln.SystemTests.Plugins;

/// <summary>
/// An HTTP server on 127.0.0.1 and a free port for the tests' local repositories: it records every path asked
/// for and answers each with what <c>respond</c> returns for it (null: 404).
/// </summary>
public sealed class LoopbackHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<string, HttpAnswer?> _respond;
    private readonly Task _serving;

    public LoopbackHttpServer(Func<string, HttpAnswer?> respond)
    {
        _respond = respond;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>Every path requested (unescaped, without the leading /), in order: the tests check that the client really came here.</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    private readonly List<string> _requests = [];

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
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
        var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath).TrimStart('/');
        lock (_requests)
        {
            _requests.Add(path);
        }

        if (_respond(path) is not { } answer)
        {
            response.StatusCode = 404;
            return;
        }

        response.ContentLength64 = answer.Body.Length;
        response.ContentType = answer.ContentType;
        if (context.Request.HttpMethod != "HEAD")
        {
            response.OutputStream.Write(answer.Body);
        }
    }
}
