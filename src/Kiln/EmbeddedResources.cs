using System.Reflection;

namespace Kiln;

/// <summary>Reads files embedded in an assembly by their path relative to the project (schemas, assets).</summary>
public static class EmbeddedResources
{
    public static string ReadText(Assembly assembly, string relativePath)
    {
        using var stream = Open(assembly, relativePath);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static byte[] ReadBytes(Assembly assembly, string relativePath)
    {
        using var stream = Open(assembly, relativePath);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    public static IEnumerable<string> List(Assembly assembly, string prefix)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return assembly.GetManifestResourceNames().Where(name => name.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal);
    }

    private static Stream Open(Assembly assembly, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return assembly.GetManifestResourceStream(relativePath)
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} embeds no resource {relativePath}");
    }
}
