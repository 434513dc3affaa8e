namespace Kiln.Extensions;

/// <summary>An optional feature a manifest turns on under <c>plugins</c>.</summary>
public interface IPlugin : IManifestExtension
{
}
