using System.Runtime.InteropServices;

namespace Kiln.Cli;

/// <summary>
/// Turns SIGINT (Ctrl-C), SIGTERM, SIGHUP (a closed terminal or SSH session) and SIGQUIT into a cancellation,
/// so that a build rolls back instead of dying. Once a build has published its outputs, a signal no longer
/// undoes anything: the build is done.
/// </summary>
public sealed class Interruption : IDisposable
{
    private static readonly PosixSignal[] Signals = [PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT];

    private readonly CancellationTokenSource _source = new();
    private readonly List<PosixSignalRegistration> _registrations;

    public Interruption() => _registrations = [.. Signals.Select(signal => PosixSignalRegistration.Create(signal, Handle))];

    public CancellationToken Token => _source.Token;

    public bool Happened => _source.IsCancellationRequested;

    /// <summary>Tells whether the work is past the point where it could be undone (the outputs are in place).</summary>
    public Func<bool> IsCommitted { get; set; } = () => false;

    /// <summary>What a signal makes kiln do, as it says so: only a build has something to roll back.</summary>
    public string Reaction { get; set; } = "stopping";

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _source.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        // Keep the process alive: the command stops (a build rolls back), then kiln exits with 130.
        context.Cancel = true;
        if (IsCommitted() || _source.IsCancellationRequested)
        {
            return;
        }

        SafeConsole.WriteError($"\nkiln: {context.Signal} received, {Reaction}...");
        _source.Cancel();
    }
}
