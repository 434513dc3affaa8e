using System.Runtime.InteropServices;

namespace Kiln.Cli;

/// <summary>Turns SIGINT (Ctrl-C) and SIGTERM into a cancellation, so that a build rolls back instead of dying.</summary>
public sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;

    public Interruption()
    {
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle);
    }

    public CancellationToken Token => _source.Token;

    public bool Happened => _source.IsCancellationRequested;

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _source.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        // Keep the process alive: the rollback runs, then kiln exits with 130.
        context.Cancel = true;
        if (!_source.IsCancellationRequested)
        {
            Console.Error.WriteLine($"\nkiln: {context.Signal} received, rolling back...");
            _source.Cancel();
        }
    }
}
