namespace Kiln.Manifests;

/// <summary>The program that creates the base system (<c>bootstrapper.tool</c>, a Kiln addition): mmdebstrap is the default.</summary>
public enum BootstrapTool
{
    Mmdebstrap,
    Debootstrap,
}
