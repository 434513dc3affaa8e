namespace Kiln.Manifests;

/// <summary>One apt preferences entry (<c>packages.preferences</c>).</summary>
public sealed record AptPin(string Package, string Pin, int Priority);
