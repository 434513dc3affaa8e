using Kiln.Manifests;
using Kiln.Specs;

namespace Kiln.Extensions;

/// <summary>An optional feature a manifest turns on under <c>plugins</c>.</summary>
public interface IPlugin : IManifestExtension
{
    /// <summary>Files the plugin leaves beside the provider's (a Vagrant box), declared before the build starts; none by default.</summary>
    IReadOnlyList<BuildOutput> DeclareOutputs(object settings, Manifest manifest, string outputDirectory) => [];
}
