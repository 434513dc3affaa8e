namespace Kiln.Specs;

/// <summary>The outputs a build declares before it starts, in the order they are made.</summary>
public sealed class BuildOutputs(IReadOnlyList<BuildOutput> all)
{
    public IReadOnlyList<BuildOutput> All { get; } = all;

    /// <summary>The disk image, for providers that write one.</summary>
    public DiskImageOutput? DiskImage => All.OfType<DiskImageOutput>().FirstOrDefault();

    public DiskImageOutput RequireDiskImage() => DiskImage ?? throw new InvalidOperationException("this build declares no disk image");

    /// <summary>The build host's logical volume the disk is written onto (<c>backing: lvm</c>).</summary>
    public LogicalVolumeOutput? LogicalVolume => All.OfType<LogicalVolumeOutput>().FirstOrDefault();

    public BootRecordOutput? BootRecord => All.OfType<BootRecordOutput>().FirstOrDefault();

    public PackageListOutput? PackageList => All.OfType<PackageListOutput>().FirstOrDefault();

    public SbomOutput? Sbom => All.OfType<SbomOutput>().FirstOrDefault();

    /// <summary>The files that hold the image (a disk image; a container image's OCI and docker archives), the main one first.</summary>
    public IReadOnlyList<IImageFile> ImageFiles => [.. All.OfType<IImageFile>()];
}
