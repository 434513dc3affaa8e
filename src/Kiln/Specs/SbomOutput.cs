namespace Kiln.Specs;

/// <summary>The SPDX 2.3 JSON SBOM of the image (<c>NAME.spdx.json</c>): its packages and the checksums of the files the build wrote.</summary>
public sealed record SbomOutput(string Path) : BuildOutput
{
    public const string Extension = ".spdx.json";

    public override string Kind => "SBOM (SPDX 2.3)";

    public override string Location => Path;
}
