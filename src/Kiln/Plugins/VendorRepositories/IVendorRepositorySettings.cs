using Kiln.Specs;

namespace Kiln.Plugins.VendorRepositories;

/// <summary>The settings of a plugin that installs its agent from a vendor's apt repository (chef, salt, opennebula).</summary>
public interface IVendorRepositorySettings
{
    VendorRepository? Repository { get; }

    SourceMap Where { get; }
}
