using Kiln.Host;
using Kiln.Tasks;

namespace Kiln.VirtualMachines;

/// <summary>
/// Boots images with QEMU as the machine they were made for (architecture, BIOS or UEFI firmware with its own
/// copy of the variable store, disk bus): KVM when the guest runs natively and the probe shows KVM works,
/// else TCG; the serial console is the interface.
/// </summary>
public sealed class QemuBootBackend(ICommandRunner runner, IProcessLauncher launcher, Action<string> announce) : IBootBackend
{
    public static readonly IReadOnlyList<HostTool> Tools = [new("qemu-img", "qemu-utils")];

    private static readonly TimeSpan KernelPatience = TimeSpan.FromSeconds(15);
    private static readonly System.Text.RegularExpressions.Regex SignOfLife = new(@"Linux version|\[ +[0-9]+\.[0-9]+\]|login: ");

    private BootRequest? _request;
    private string _format = "raw";
    private RunningProcess? _process;
    private UefiVariables? _firmware;

    public Accelerator Accelerator { get; private set; } = Accelerator.Tcg;

    /// <summary>The host programs and firmware packages a machine needs.</summary>
    public static IReadOnlyList<HostTool> ToolsFor(MachineDefinition machine)
    {
        ArgumentNullException.ThrowIfNull(machine);
        return [.. Tools, new HostTool(machine.Architecture.QemuSystem, machine.Architecture.QemuSystemPackage)];
    }

    public Task InstallAsync(CancellationToken cancellationToken) =>
        new HostToolInstaller(runner, announce).EnsureAsync(Tools, cancellationToken);

    public async Task ConfigureAsync(BootRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Machine.Problem() is { } problem)
        {
            throw new UserInputException(problem);
        }

        await new HostToolInstaller(runner, announce).EnsureAsync(ToolsFor(request.Machine), cancellationToken);
        _request = request;
        _format = await ImageFormatProbe.DetectAsync(runner, request.Image, cancellationToken);
        Accelerator = HostMachine.RunsNatively(request.Machine.Architecture) ? await KvmProbe.DetectAsync(launcher, cancellationToken) : Accelerator.Tcg;
        _firmware = request.Machine.FirmwareFiles is { } files ? await PrepareFirmwareAsync(files, cancellationToken) : null;
        var firmware = request.Machine.Firmware switch
        {
            BootFirmware.Bios => "BIOS",
            BootFirmware.SecureBoot => "UEFI, Secure Boot enforced",
            _ => "UEFI",
        };
        var accelerator = Accelerator == Accelerator.Kvm ? "KVM" : HostMachine.RunsNatively(request.Machine.Architecture) ? "TCG software emulation; KVM is not usable here" : "TCG software emulation";
        announce($"booting {request.Image} ({_format}): {request.Machine.Architecture.Debian}, {firmware}, disk on {request.Machine.DiskBus}, {accelerator}");
    }

    /// <summary>
    /// Starts the VM. With KVM, the guest must show a sign of life (kernel messages or a login prompt) soon:
    /// on some hosts KVM runs simple code but hangs a Linux kernel, and then the VM restarts with TCG.
    /// </summary>
    public async Task<SerialConsole> StartAsync(CancellationToken cancellationToken)
    {
        var request = _request ?? throw new InvalidOperationException("configure the VM before starting it");
        _process = launcher.Start(QemuCommand.ForSerialConsole(request, Accelerator, _format, _firmware));
        var console = new SerialConsole(_process);
        if (Accelerator == Accelerator.Kvm && await console.WaitForAsync(SignOfLife, KernelPatience, cancellationToken) is null)
        {
            announce($"the guest showed no sign of life with KVM within {KernelPatience.TotalSeconds:F0} s; using TCG");
            _process.Dispose();
            Accelerator = Accelerator.Tcg;
            _process = launcher.Start(QemuCommand.ForSerialConsole(request, Accelerator, _format, _firmware));
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
            _process?.Dispose();
            _process = null;
            _request = request;
        }

        return await launcher.RunAttachedAsync(QemuCommand.Interactive(request, Accelerator, _format, _firmware), cancellationToken);
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
        if (_firmware is { } firmware)
        {
            File.Delete(firmware.VariablesCopy);
            _firmware = null;
        }

        return Task.CompletedTask;
    }

    /// <summary>Finds the firmware (installing its package as root on Debian) and gives this VM its own copy of the variable store.</summary>
    private async Task<UefiVariables> PrepareFirmwareAsync(Platforms.FirmwareFiles files, CancellationToken cancellationToken)
    {
        if ((files.FindCode() is null || files.FindVariables() is null) && HostToolInstaller.CanInstall)
        {
            await new HostToolInstaller(runner, announce).InstallPackagesAsync([files.Package], cancellationToken);
        }

        var code = files.FindCode();
        var variables = files.FindVariables();
        if (code is null || variables is null)
        {
            throw new UserInputException($"the UEFI firmware is missing (looked for {string.Join(", ", files.Code.Concat(files.Variables))}); install it with: apt-get install {files.Package}");
        }

        var copy = Path.Combine(Path.GetTempPath(), $"kiln-uefi-vars-{Environment.ProcessId}-{Guid.NewGuid():N}.fd");
        File.Copy(variables, copy);
        return new UefiVariables(code, copy);
    }
}
