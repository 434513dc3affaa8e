namespace Kiln.Packages;

/// <summary>A Debian package installed in the image, and the source package it was built from.</summary>
public sealed record InstalledPackage(string Name, string Version, string Architecture, string SourceName, string SourceVersion);
