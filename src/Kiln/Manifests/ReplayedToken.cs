using Newtonsoft.Json;

namespace Kiln.Manifests;

/// <summary>A JSON token produced from YAML, with the line and column of the YAML node it came from.</summary>
internal readonly record struct ReplayedToken(JsonToken Kind, object? Value, int Line, int Column);
