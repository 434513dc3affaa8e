namespace Kiln.Sbom;

/// <summary>A file the build wrote, by its name in the output directory, with its SHA-1 and SHA-256 digests (lowercase hexadecimal).</summary>
public sealed record ProducedFile(string FileName, string Sha1, string Sha256);
