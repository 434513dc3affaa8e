using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Kiln.SystemTests;

/// <summary>
/// Runs a shell command on a pseudo-terminal, as a person at a terminal would: util-linux's <c>script</c> (in every
/// Debian) makes the pty and relays what the test types and what the program prints.
/// </summary>
public sealed class PseudoTerminal : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Task _reader;
    private int _cursor;

    private PseudoTerminal(Process process)
    {
        _process = process;
        _reader = Task.Run(async () =>
        {
            var buffer = new char[4096];
            int read;
            while ((read = await process.StandardOutput.ReadAsync(buffer)) > 0)
            {
                lock (_output)
                {
                    _output.Append(buffer, 0, read);
                }
            }
        });
    }

    /// <summary>Everything the terminal showed so far.</summary>
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

    public static PseudoTerminal Start(string shellCommand)
    {
        var info = new ProcessStartInfo("script") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--quiet", "--return", "--command", shellCommand, "/dev/null" })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["NO_COLOR"] = "1";
        info.Environment["TERM"] = "xterm";
        return new PseudoTerminal(Process.Start(info)!);
    }

    /// <summary>Waits for the pattern after what was waited for before; the test fails with the screen's end when it does not come.</summary>
    public async Task<Match> WaitForAsync(string pattern, TimeSpan timeout)
    {
        var regex = new Regex(pattern);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            var output = Output;
            var match = regex.Match(output, Math.Min(_cursor, output.Length));
            if (match.Success)
            {
                _cursor = match.Index + match.Length;
                return match;
            }

            if (_process.HasExited && _reader.IsCompleted)
            {
                break;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"the terminal did not show /{pattern}/ within {timeout.TotalSeconds:F0} s; it ends with:\n{string.Join('\n', Output.Split('\n').TakeLast(30))}");
    }

    /// <summary>Types text, control characters included, a character at a time as a person would.</summary>
    public async Task TypeAsync(string text)
    {
        foreach (var character in text)
        {
            await _process.StandardInput.WriteAsync(character);
            await _process.StandardInput.FlushAsync();
            await Task.Delay(30);
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(limit.Token);
        await _reader;
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
