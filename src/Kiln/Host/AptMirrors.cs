namespace Kiln.Host;

/// <summary>The Debian archive and security archive URIs a host's apt uses (either may be unknown).</summary>
public sealed record AptMirrors(string? Archive, string? Security);
