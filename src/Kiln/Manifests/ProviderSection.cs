using Newtonsoft.Json.Linq;

namespace Kiln.Manifests;

/// <summary>The <c>provider</c> section: its name and the provider-specific settings, which the provider reads itself.</summary>
public sealed record ProviderSection(string Name, JObject Settings);
