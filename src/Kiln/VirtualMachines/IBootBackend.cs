namespace Kiln.VirtualMachines;

/// <summary>
/// A way to boot images, after DevStack's hypervisor plugin contract: install what it needs on the host,
/// configure a VM, start it, stop it, clean up after it.
/// </summary>
public interface IBootBackend
{
    /// <summary>Makes sure the host has the programs this backend runs.</summary>
    Task InstallAsync(CancellationToken cancellationToken);

    /// <summary>Prepares a VM for the request (chooses the accelerator, checks the image).</summary>
    Task ConfigureAsync(BootRequest request, CancellationToken cancellationToken);

    /// <summary>Starts the configured VM with its serial console attached to the returned session.</summary>
    Task<SerialConsole> StartAsync(CancellationToken cancellationToken);

    /// <summary>Stops the VM: a clean power-off when the guest does one in time, else it is killed.</summary>
    Task StopAsync(TimeSpan grace, CancellationToken cancellationToken);

    /// <summary>Removes what the backend created for the VM.</summary>
    Task CleanupAsync(CancellationToken cancellationToken);
}
