using Kiln.Plugins.RootPassword;
using Kiln.Providers.Kvm;

namespace Kiln.Extensions;

/// <summary>The providers and plugins that ship with Kiln.</summary>
public static class BuiltInExtensions
{
    public static IEnumerable<IProvider> Providers => [new KvmProvider()];

    public static IEnumerable<IPlugin> Plugins => [new RootPasswordPlugin()];
}
