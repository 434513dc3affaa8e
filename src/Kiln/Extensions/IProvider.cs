using Kiln.Disks;
using Kiln.Manifests;
using Kiln.Platforms;
using Kiln.Specs;

namespace Kiln.Extensions;

/// <summary>A target platform (kvm, ec2 ...): it chooses the base tasks of every build for that platform.</summary>
public interface IProvider : IManifestExtension
{
    /// <summary>What the provider's machines are like for the settings it bound and the image's architecture.</summary>
    ProviderProfile Profile(object settings, ArchitectureProfile architecture);

    /// <summary>The files (and later uploads and registrations) the build leaves, declared before it starts.</summary>
    IReadOnlyList<BuildOutput> DeclareOutputs(object settings, Manifest manifest, DiskLayout? layout, string outputDirectory);
}
