namespace Kiln.VirtualMachines;

/// <summary>How QEMU runs the guest: KVM when it works on this host, else TCG software emulation.</summary>
public enum Accelerator
{
    Kvm,
    Tcg,
}
