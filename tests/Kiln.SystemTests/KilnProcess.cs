using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Kiln.Host;

namespace Kiln.SystemTests;

/// <summary>
/// The kiln CLI started in a process group of its own (with setsid), so that a test can signal it, or kill the
/// whole group as a closed terminal or a killed job would, without touching the test runner.
/// </summary>
public sealed class KilnProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly SemaphoreSlim _changed = new(0);

    private KilnProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static KilnProcess Start(IReadOnlyList<string> arguments)
    {
        var info = KilnCli.StartInfo(["setsid"], arguments);
        var kiln = new KilnProcess(Process.Start(info)!);
        kiln._process.OutputDataReceived += (_, e) => kiln.Append(e.Data);
        kiln._process.ErrorDataReceived += (_, e) => kiln.Append(e.Data);
        kiln._process.BeginOutputReadLine();
        kiln._process.BeginErrorReadLine();
        return kiln;
    }

    /// <summary>Waits until the output contains <paramref name="text"/>; false if kiln ended first or the time ran out.</summary>
    public async Task<bool> WaitForAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Output.Contains(text, StringComparison.Ordinal))
            {
                return true;
            }

            if (_process.HasExited)
            {
                return false;
            }

            await _changed.WaitAsync(TimeSpan.FromMilliseconds(200));
        }

        return false;
    }

    /// <summary>
    /// Waits until the build's log (the file its output names: <c>log: PATH</c>) contains <paramref name="text"/>,
    /// for what the output does not show, such as the bootstrapper's own lines; false if kiln ended first or the
    /// time ran out.
    /// </summary>
    public async Task<bool> WaitForLogAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            if (Regex.Match(Output, @"log: (/\S+\.log)") is { Success: true } named && File.Exists(named.Groups[1].Value))
            {
                using var stream = new FileStream(named.Groups[1].Value, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var reader = new StreamReader(stream);
                if ((await reader.ReadToEndAsync()).Contains(text, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        return false;
    }

    public void Signal(int signal) => ProcessSignals.Send(_process.Id, signal);

    /// <summary>SIGKILL to every process of kiln's group (kiln, its guard, mmdebstrap, apt ...), as a killed job gets.</summary>
    public void KillGroup() => ProcessSignals.Send(-_process.Id, ProcessSignals.SigKill);

    public async Task<KilnRun> WaitForExitAsync(TimeSpan timeout)
    {
        using var source = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(source.Token);
        _process.WaitForExit();
        return new KilnRun(_process.ExitCode, Output, string.Empty);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
        _changed.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Append(line).Append('\n');
        }

        _changed.Release();
    }
}
