namespace Kiln.Boot;

/// <summary>What to boot and how: the image, the VM's size, and what the host offers the guest.</summary>
public sealed record BootRequest
{
    public required string Image { get; init; }

    public int MemoryMiB { get; init; } = 1024;

    public int Cpus { get; init; } = 1;

    /// <summary>Changes made by the guest go to a temporary overlay, not to the image.</summary>
    public bool Snapshot { get; init; } = true;

    /// <summary>A host port forwarded to the guest's SSH port (QEMU user networking).</summary>
    public int? SshPort { get; init; }

    /// <summary>Extra disks (e.g. a cloud-init NoCloud seed), attached read-only.</summary>
    public IReadOnlyList<string> ExtraDrives { get; init; } = [];
}
