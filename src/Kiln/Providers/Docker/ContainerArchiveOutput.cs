using Kiln.Specs;

namespace Kiln.Providers.Docker;

/// <summary>A container image archive: <c>oci-archive</c> (an OCI image layout in a tar) or <c>docker-archive</c> (what <c>docker load</c> reads).</summary>
public sealed record ContainerArchiveOutput(string Path, string Format, string Reference) : BuildOutput, IImageFile
{
    public const string OciArchive = "oci-archive";
    public const string DockerArchive = "docker-archive";

    public override string Kind => $"container image ({Format}, {Reference})";

    public override string Location => Path;
}
