using Kiln.Host;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Extensions.Logging;

namespace Kiln.Cli.Output;

/// <summary>
/// The logging of one kiln run: everything to a log file (when there is one), debug lines to stderr with --debug;
/// the run's secrets masked in both.
/// </summary>
public sealed class LogSetup : IDisposable
{
    private const string Template = "{Timestamp:HH:mm:ss.fff} {Level:u3} {Message:lj}{NewLine}{Exception}";

    private readonly Logger _logger;
    private readonly Logger? _file;

    public LogSetup(string? logFile, bool debug)
    {
        LogFile = logFile;
        var configuration = new LoggerConfiguration().MinimumLevel.Debug();
        if (logFile is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
            _file = new LoggerConfiguration().MinimumLevel.Debug().WriteTo.File(logFile, outputTemplate: Template, buffered: false).CreateLogger();
            configuration = configuration.WriteTo.Sink(new MaskingSink(Secrets, _file));
        }

        if (debug)
        {
            configuration = configuration.WriteTo.Sink(new MaskingSink(Secrets, new StandardErrorSink()));
        }

        _logger = configuration.CreateLogger();
        Factory = new SerilogLoggerFactory(_logger);
    }

    public string? LogFile { get; }

    public ILoggerFactory Factory { get; }

    /// <summary>The secrets masked in every line this run logs (the command runner's too, when it is given them).</summary>
    public SecretStore Secrets { get; } = new();

    public void Dispose()
    {
        Factory.Dispose();
        _logger.Dispose();
        _file?.Dispose();
    }

    private sealed class StandardErrorSink : ILogEventSink
    {
        public void Emit(LogEvent logEvent)
        {
            ArgumentNullException.ThrowIfNull(logEvent);
            Console.Error.WriteLine($"{logEvent.Timestamp:HH:mm:ss.fff} {logEvent.Level.ToString()[..3].ToUpperInvariant()} {logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)}");
        }
    }
}
