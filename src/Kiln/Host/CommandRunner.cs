using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Kiln.Host;

/// <summary>Runs external programs as child processes, logging argv, every output line and the duration.</summary>
public sealed partial class CommandRunner(ILogger<CommandRunner> logger, SecretStore? secrets = null) : IStreamingCommandRunner, IProcessLauncher
{
    /// <summary>How long a child gets to exit after SIGTERM before it is killed.</summary>
    private static readonly TimeSpan TerminationGrace = TimeSpan.FromSeconds(20);

    public async Task<CommandResult> RunAsync(CommandLine command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var masker = Masker(command);
        var name = Path.GetFileName(command.Program);
        LogStarting(masker.Mask(command.ToString()));

        using var process = Launch(command);
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();

        var readOut = PumpAsync(process.StandardOutput, stdout, line =>
        {
            if (command.LogsStandardOutput)
            {
                Observe(name, masker.Mask(line));
            }
        });
        var readErr = PumpAsync(process.StandardError, stderr, line => Observe(name, masker.Mask(line)));
        await WriteInputAsync(process, command.StandardInput);

        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await TerminateAsync(process, name);
            await Task.WhenAll(readOut, readErr);
            LogInterrupted(name, stopwatch.Elapsed.TotalSeconds);
            throw;
        }

        await Task.WhenAll(readOut, readErr);
        stopwatch.Stop();
        LogFinished(name, process.ExitCode, stopwatch.Elapsed.TotalSeconds);
        return new CommandResult(command, process.ExitCode, masker.Mask(stdout.ToString()), masker.Mask(stderr.ToString()), stopwatch.Elapsed);
    }

    public RunningProcess Start(CommandLine command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var masker = Masker(command);
        var name = Path.GetFileName(command.Program);
        LogStarting(masker.Mask(command.ToString()));
        var process = Launch(command);
        return new RunningProcess(process, text => LogOutput(name, masker.Mask(text.TrimEnd('\n', '\r'))));
    }

    public async Task<int> RunAttachedAsync(CommandLine command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        LogStarting(Masker(command).Mask(command.ToString()));
        var info = CreateStartInfo(command);
        info.RedirectStandardInput = false;
        info.RedirectStandardOutput = false;
        info.RedirectStandardError = false;
        using var process = new Process { StartInfo = info };
        var stopwatch = Stopwatch.StartNew();
        process.Start();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await TerminateAsync(process, Path.GetFileName(command.Program));
            throw;
        }

        LogFinished(Path.GetFileName(command.Program), process.ExitCode, stopwatch.Elapsed.TotalSeconds);
        return process.ExitCode;
    }

    public async Task<PipelineResult> RunPipelineAsync(CommandLine producer, CommandLine consumer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(producer);
        ArgumentNullException.ThrowIfNull(consumer);
        var (producerMasker, consumerMasker) = (Masker(producer), Masker(consumer));
        var (producerName, consumerName) = (Path.GetFileName(producer.Program), Path.GetFileName(consumer.Program));
        LogStarting($"{producerMasker.Mask(producer.ToString())} | {consumerMasker.Mask(consumer.ToString())}");
        var stopwatch = Stopwatch.StartNew();
        using var first = Launch(producer);
        Process second;
        try
        {
            second = Launch(consumer);
        }
        catch (KilnException)
        {
            await TerminateAsync(first, producerName);
            throw;
        }

        using var _ = second;
        first.StandardInput.Close();
        var (producerError, consumerOutput, consumerError) = (new StringBuilder(), new StringBuilder(), new StringBuilder());
        var pumps = Task.WhenAll(
            PumpAsync(first.StandardError, producerError, line => LogOutput(producerName, producerMasker.Mask(line))),
            PumpAsync(second.StandardOutput, consumerOutput, line => LogOutput(consumerName, consumerMasker.Mask(line))),
            PumpAsync(second.StandardError, consumerError, line => LogOutput(consumerName, consumerMasker.Mask(line))),
            ProcessPipes.ConnectAsync(first, second));
        try
        {
            await Task.WhenAll(first.WaitForExitAsync(cancellationToken), second.WaitForExitAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
            await Task.WhenAll(TerminateAsync(first, producerName), TerminateAsync(second, consumerName));
            await pumps;
            LogInterrupted($"{producerName} | {consumerName}", stopwatch.Elapsed.TotalSeconds);
            throw;
        }

        await pumps;
        LogFinished(producerName, first.ExitCode, stopwatch.Elapsed.TotalSeconds);
        LogFinished(consumerName, second.ExitCode, stopwatch.Elapsed.TotalSeconds);
        return new PipelineResult(
            new CommandResult(producer, first.ExitCode, string.Empty, producerMasker.Mask(producerError.ToString()), stopwatch.Elapsed),
            new CommandResult(consumer, second.ExitCode, consumerMasker.Mask(consumerOutput.ToString()), consumerMasker.Mask(consumerError.ToString()), stopwatch.Elapsed));
    }

    public async Task<CommandResult> RunStreamingAsync(CommandLine command, Action<OutputLine> onLine, TimeSpan stopGrace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(onLine);
        var masker = Masker(command);
        var name = Path.GetFileName(command.Program);
        LogStarting(masker.Mask(command.ToString()));
        using var process = Launch(command);
        var stopwatch = Stopwatch.StartNew();
        var (stdout, stderr) = (new StringBuilder(), new StringBuilder());
        void Deliver(string line, bool isError)
        {
            var masked = masker.Mask(line);
            LogOutput(name, masked);
            onLine(new OutputLine(masked, isError));
        }

        var pumps = Task.WhenAll(PumpAsync(process.StandardOutput, stdout, line => Deliver(line, false)), PumpAsync(process.StandardError, stderr, line => Deliver(line, true)));
        if (command.StandardInput is not null)
        {
            await process.StandardInput.WriteAsync(command.StandardInput);
            await process.StandardInput.FlushAsync(CancellationToken.None);
        }

        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            LogClosingInput(name, stopGrace.TotalSeconds);
            ProcessPipes.CloseQuietly(process.StandardInput);
            using var grace = new CancellationTokenSource(stopGrace);
            try
            {
                await process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                await TerminateAsync(process, name);
            }
        }

        await pumps;
        ProcessPipes.CloseQuietly(process.StandardInput);
        LogFinished(name, process.ExitCode, stopwatch.Elapsed.TotalSeconds);
        return new CommandResult(command, process.ExitCode, masker.Mask(stdout.ToString()), masker.Mask(stderr.ToString()), stopwatch.Elapsed);
    }

    /// <summary>Sees every output line of the commands run to completion (masked), with the program's name: the console's progress reads the bootstrapper's.</summary>
    public Action<string, string>? OutputObserver { get; set; }

    /// <summary>The secrets every command's log lines are masked for.</summary>
    public SecretStore Secrets { get; } = secrets ?? new SecretStore();

    private void Observe(string program, string line)
    {
        LogOutput(program, line);
        OutputObserver?.Invoke(program, line);
    }

    private SecretMasker Masker(CommandLine command) => Secrets.MaskerWith(command.Secrets);

    private static Process Launch(CommandLine command)
    {
        var process = new Process { StartInfo = CreateStartInfo(command) };
        try
        {
            process.Start();
            return process;
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            process.Dispose();
            throw new KilnException($"cannot run `{command.Program}`: {exception.Message}", exception);
        }
    }

    private static ProcessStartInfo CreateStartInfo(CommandLine command)
    {
        var info = new ProcessStartInfo(command.Program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = command.WorkingDirectory ?? string.Empty,
        };
        foreach (var argument in command.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in command.Environment)
        {
            info.Environment[key] = value;
        }

        return info;
    }

    private static async Task WriteInputAsync(Process process, string? input)
    {
        try
        {
            if (input is not null)
            {
                await process.StandardInput.WriteAsync(input);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The program exited without reading its input; its exit code tells what happened.
        }
    }

    private static async Task PumpAsync(StreamReader reader, StringBuilder sink, Action<string> onLine)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            sink.Append(line).Append('\n');
            onLine(line);
        }
    }

    private async Task TerminateAsync(Process process, string name)
    {
        if (process.HasExited)
        {
            return;
        }

        // The whole tree, collected before anything dies (orphans are re-parented and lost): SIGTERM first,
        // so that bootstrappers unmount what they mounted and dpkg stops between packages.
        var tree = new List<int> { process.Id };
        tree.AddRange(ProcessTree.Descendants(process.Id));
        LogTerminating(name, process.Id, tree.Count - 1);
        await ProcessTree.TerminateAsync(tree, TerminationGrace);
        await process.WaitForExitAsync(CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "$ {Command}")]
    private partial void LogStarting(string command);

    [LoggerMessage(Level = LogLevel.Debug, Message = "[{Program}] {Line}")]
    private partial void LogOutput(string program, string line);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Program} exited with {ExitCode} after {Seconds:F2} s")]
    private partial void LogFinished(string program, int exitCode, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Program} interrupted after {Seconds:F2} s")]
    private partial void LogInterrupted(string program, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "closing the input of {Program} so that it stops by itself (it gets {Seconds:F0} s)")]
    private partial void LogClosingInput(string program, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "stopping {Program} (pid {ProcessId}) and its {Count} process(es) with SIGTERM")]
    private partial void LogTerminating(string program, int processId, int count);
}
