using System.Diagnostics;
using System.Text.RegularExpressions;
using Kiln.Host;

namespace Kiln.VirtualMachines;

/// <summary>A VM's serial console: wait for text to appear, type lines. Reads move forward through the output.</summary>
public sealed class SerialConsole(RunningProcess process)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _cursor;

    /// <summary>Time since the VM was started.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    public bool HasExited => process.HasExited;

    /// <summary>Everything the console printed so far.</summary>
    public string Transcript => process.Output;

    /// <summary>Waits for the first match after what was read before; null on timeout or when the VM exits first.</summary>
    public async Task<Match?> WaitForAsync(Regex pattern, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var deadline = _clock.Elapsed + timeout;
        while (true)
        {
            var output = process.Output;
            var match = pattern.Match(output, Math.Min(_cursor, output.Length));
            if (match.Success)
            {
                _cursor = match.Index + match.Length;
                return match;
            }

            var left = deadline - _clock.Elapsed;
            if (left <= TimeSpan.Zero || process.HasExited)
            {
                return null;
            }

            await process.WaitForOutputAsync(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    /// <summary>
    /// Waits until the console stops at an unfinished line that <paramref name="prompt"/> matches and nothing more
    /// arrives for <paramref name="quiet"/>: a program waiting for input, whatever its words. Returns that line,
    /// or null on timeout, when the VM exits first, or when nothing has arrived for <paramref name="stall"/> and
    /// the console is not at such a line (another program's output may have buried the prompt).
    /// </summary>
    public async Task<string?> WaitForPromptAsync(Regex prompt, TimeSpan quiet, TimeSpan stall, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var deadline = _clock.Elapsed + timeout;
        var seenLength = -1;
        var seenAt = _clock.Elapsed;
        while (true)
        {
            var output = process.Output;
            if (output.Length != seenLength)
            {
                seenLength = output.Length;
                seenAt = _clock.Elapsed;
            }

            var pending = PendingLine.Of(output, _cursor);
            if (pending.Length > 0 && prompt.IsMatch(pending))
            {
                await Task.Delay(quiet, cancellationToken);
                if (process.Output.Length == output.Length)
                {
                    _cursor = output.Length;
                    return pending;
                }

                continue;
            }

            var left = deadline - _clock.Elapsed;
            if (left <= TimeSpan.Zero || process.HasExited || _clock.Elapsed - seenAt >= stall)
            {
                return null;
            }

            var wait = new[] { left, stall - (_clock.Elapsed - seenAt), TimeSpan.FromSeconds(1) }.Min();
            await process.WaitForOutputAsync(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(10), cancellationToken);
        }
    }

    public Task SendLineAsync(string line) => process.WriteAsync(line + "\n");
}
