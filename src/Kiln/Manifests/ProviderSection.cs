namespace Kiln.Manifests;

/// <summary>The <c>provider</c> section's name; the provider binds the rest of the section itself.</summary>
public sealed record ProviderSection(string Name);
