using Kiln.Extensions;
using Kiln.Specs;

namespace Kiln.Publishing;

/// <summary>A provider whose images go to a cloud: it says what to publish, and which cloud publishes it.</summary>
public interface ICloudProvider : IProvider
{
    ICloud Cloud { get; }

    /// <summary>The record of what this build publishes (name, description and tags rendered from the manifest).</summary>
    PublicationRecord DescribePublication(BuildSpec spec);

    /// <summary>Credentials the manifest itself gives (bootstrap-vz's keys), by name; empty when it gives none.</summary>
    IReadOnlyDictionary<string, string> ManifestCredentials(BuildSpec spec);
}
