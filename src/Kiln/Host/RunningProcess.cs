using System.Diagnostics;
using System.Text;

namespace Kiln.Host;

/// <summary>A started child process: read its output as it comes, write to its input, stop it.</summary>
public sealed class RunningProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _lock = new();
    private readonly Task _pump;
    private readonly SemaphoreSlim _changed = new(0);

    internal RunningProcess(Process process, Action<string> onOutput)
    {
        _process = process;
        _pump = Task.WhenAll(PumpAsync(process.StandardOutput, onOutput), PumpAsync(process.StandardError, onOutput));
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Everything the process wrote so far (standard output and error, interleaved as it arrived).</summary>
    public string Output
    {
        get
        {
            lock (_lock)
            {
                return _output.ToString();
            }
        }
    }

    public async Task WriteAsync(string text)
    {
        await _process.StandardInput.WriteAsync(text);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Waits until new output arrives, the process exits, or the timeout passes.</summary>
    public async Task WaitForOutputAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (HasExited)
        {
            return;
        }

        await _changed.WaitAsync(timeout, cancellationToken);
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var source = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(source.Token);
            await _pump;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Closes the process's standard input (it reads end of file); the process keeps running.</summary>
    public void CloseInput() => _process.StandardInput.Close();

    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
        _changed.Dispose();
    }

    private async Task PumpAsync(StreamReader reader, Action<string> onOutput)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            var text = new string(buffer, 0, read);
            lock (_lock)
            {
                _output.Append(text);
            }

            onOutput(text);
            _changed.Release();
        }

        _changed.Release();
    }
}
