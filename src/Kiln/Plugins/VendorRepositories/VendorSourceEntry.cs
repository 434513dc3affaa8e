using System.Text;
using Kiln.Packages;

namespace Kiln.Plugins.VendorRepositories;

/// <summary>
/// The deb822 source entry (<c>sources.list.d/NAME.sources</c>) of a vendor repository, with its signing key
/// embedded in Signed-By. mmdebstrap runs apt outside the image, where a Signed-By path such as
/// /etc/apt/keyrings/x.asc would name a file of the host; an embedded key means the same to the build's apt
/// and to the image's apt later.
/// </summary>
public static class VendorSourceEntry
{
    public static string PathFor(string pluginName) => $"/etc/apt/sources.list.d/{pluginName}.sources";

    public static string Render(AptSourceLine source, string armoredKey, string pluginName)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(armoredKey);
        var text = new StringBuilder()
            .Append($"# The {pluginName} plugin's vendor repository, written by Kiln; its signing key is embedded below.\n")
            .Append("Types: deb\n")
            .Append($"URIs: {source.Uri}\n")
            .Append($"Suites: {source.Suite}\n");
        if (source.Components.Count > 0)
        {
            text.Append($"Components: {string.Join(' ', source.Components)}\n");
        }

        if (VendorSourceOptions.Architectures(source) is { } architectures)
        {
            text.Append($"Architectures: {architectures}\n");
        }

        text.Append("Signed-By:\n");
        foreach (var line in armoredKey.TrimEnd('\n').Split('\n'))
        {
            // deb822 continuation lines start with a space; an empty line inside a field is written " .".
            text.Append(line.Length == 0 ? " .\n" : $" {line}\n");
        }

        return text.ToString();
    }
}
