namespace Kiln.Specs;

/// <summary>An output file that holds the image itself (a disk image, a container archive): what the SBOM describes and checksums.</summary>
public interface IImageFile
{
    string Path { get; }
}
