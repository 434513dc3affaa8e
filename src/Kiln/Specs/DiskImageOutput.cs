using Kiln.Disks;

namespace Kiln.Specs;

/// <summary>The disk image file in its format (qcow2, raw, vhd ...) and the size of the disk it holds.</summary>
public sealed record DiskImageOutput(string Path, DiskImageFormat Format, ByteSize VirtualSize) : BuildOutput, IImageFile
{
    public override string Kind => $"disk image ({Format.Backing}, {VirtualSize})";

    public override string Location => Path;
}
