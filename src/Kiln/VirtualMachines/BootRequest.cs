namespace Kiln.VirtualMachines;

/// <summary>What to boot and how: the image, the machine it is made for, the VM's size, and what the host offers the guest.</summary>
public sealed record BootRequest
{
    public required string Image { get; init; }

    /// <summary>The machine to emulate (from the image's boot record, or the default amd64 BIOS machine).</summary>
    public MachineDefinition Machine { get; init; } = MachineDefinition.Default;

    public int MemoryMiB { get; init; } = 1024;

    public int Cpus { get; init; } = 1;

    /// <summary>Changes made by the guest go to a temporary overlay, not to the image.</summary>
    public bool Snapshot { get; init; } = true;

    /// <summary>A host port forwarded to the guest's SSH port (QEMU user networking).</summary>
    public int? SshPort { get; init; }

    /// <summary>Extra disks (e.g. a cloud-init NoCloud seed), attached read-only.</summary>
    public IReadOnlyList<string> ExtraDrives { get; init; } = [];
}
