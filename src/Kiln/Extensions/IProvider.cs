namespace Kiln.Extensions;

/// <summary>A target platform (kvm, ec2 ...): it chooses the base tasks of every build for that platform.</summary>
public interface IProvider : IManifestExtension
{
}
