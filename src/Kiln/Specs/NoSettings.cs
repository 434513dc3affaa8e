namespace Kiln.Specs;

/// <summary>The settings of an extension that takes none.</summary>
public sealed record NoSettings
{
    public static readonly NoSettings Instance = new();
}
