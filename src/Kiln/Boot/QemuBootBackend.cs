using Kiln.Host;
using Kiln.Tasks;

namespace Kiln.Boot;

/// <summary>Boots images with QEMU: KVM when the probe shows it works, else TCG; the serial console is the interface.</summary>
public sealed class QemuBootBackend(ICommandRunner runner, IProcessLauncher launcher, Action<string> announce) : IBootBackend
{
    public static readonly IReadOnlyList<HostTool> Tools = [new(QemuCommand.Program, "qemu-system-x86"), new("qemu-img", "qemu-utils")];

    private static readonly TimeSpan KernelPatience = TimeSpan.FromSeconds(15);
    private static readonly System.Text.RegularExpressions.Regex SignOfLife = new(@"Linux version|\[ +[0-9]+\.[0-9]+\]|login: ");

    private BootRequest? _request;
    private string _format = "raw";
    private RunningProcess? _process;

    public Accelerator Accelerator { get; private set; } = Accelerator.Tcg;

    public Task InstallAsync(CancellationToken cancellationToken) =>
        new HostToolInstaller(runner, announce).EnsureAsync(Tools, cancellationToken);

    public async Task ConfigureAsync(BootRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        _request = request;
        _format = await ImageFormatProbe.DetectAsync(runner, request.Image, cancellationToken);
        Accelerator = await KvmProbe.DetectAsync(launcher, cancellationToken);
        announce($"booting {request.Image} ({_format}) with {(Accelerator == Accelerator.Kvm ? "KVM" : "TCG software emulation; KVM is not usable here")}");
    }

    /// <summary>
    /// Starts the VM. With KVM, the guest must show a sign of life (kernel messages or a login prompt) soon:
    /// on some hosts KVM runs simple code but hangs a Linux kernel, and then the VM restarts with TCG.
    /// </summary>
    public async Task<SerialConsole> StartAsync(CancellationToken cancellationToken)
    {
        var request = _request ?? throw new InvalidOperationException("configure the VM before starting it");
        _process = launcher.Start(QemuCommand.ForSerialConsole(request, Accelerator, _format));
        var console = new SerialConsole(_process);
        if (Accelerator == Accelerator.Kvm && await console.WaitForAsync(SignOfLife, KernelPatience, cancellationToken) is null)
        {
            announce($"the guest showed no sign of life with KVM within {KernelPatience.TotalSeconds:F0} s; using TCG");
            _process.Dispose();
            Accelerator = Accelerator.Tcg;
            _process = launcher.Start(QemuCommand.ForSerialConsole(request, Accelerator, _format));
            console = new SerialConsole(_process);
        }

        return console;
    }

    /// <summary>Boots on the user's terminal until the guest powers off or the user quits QEMU.</summary>
    public async Task<int> RunInteractiveAsync(CancellationToken cancellationToken)
    {
        var request = _request ?? throw new InvalidOperationException("configure the VM before starting it");
        if (Accelerator == Accelerator.Kvm)
        {
            // Try KVM headless on a throw-away overlay first: a hang must not happen on the user's terminal.
            _request = request with { Snapshot = true };
            await StartAsync(cancellationToken);
            await CleanupAsync(cancellationToken);
            _request = request;
        }

        return await launcher.RunAttachedAsync(QemuCommand.Interactive(request, Accelerator, _format), cancellationToken);
    }

    public async Task StopAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        if (_process is { } process && !await process.WaitForExitAsync(grace))
        {
            process.Kill();
            await process.WaitForExitAsync(TimeSpan.FromSeconds(10));
        }
    }

    public Task CleanupAsync(CancellationToken cancellationToken)
    {
        _process?.Dispose();
        _process = null;
        return Task.CompletedTask;
    }
}
