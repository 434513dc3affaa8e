using System.Reflection;

namespace Kiln;

/// <summary>The version of this Kiln (the assembly's informational version, with the commit it was built from).</summary>
public static class KilnVersion
{
    public static string Current { get; } =
        typeof(KilnVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(KilnVersion).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
