using System.Text;
using Kiln.Packages;

namespace Kiln.Sbom;

/// <summary>Package URLs (purl) of Debian packages: <c>pkg:deb/debian/NAME@VERSION?arch=ARCH&amp;distro=debian-CODENAME</c>.</summary>
public static class PackageUrl
{
    public static string ForDebian(InstalledPackage package, string codename)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(codename);

        // Qualifiers are sorted by key, as the canonical form wants them.
        return $"pkg:deb/debian/{Encode(package.Name)}@{Encode(package.Version)}?arch={Encode(package.Architecture)}&distro={Encode("debian-" + codename)}";
    }

    /// <summary>
    /// Percent-encodes one component the purl specification's way: UTF-8, every octet outside the alphanumerics and
    /// <c>.-_~</c> as <c>%XX</c>. So an epoch's colon becomes <c>%3A</c> (<c>1%3A2.3</c>) and a plus <c>%2B</c>.
    /// </summary>
    public static string Encode(string component)
    {
        ArgumentNullException.ThrowIfNull(component);
        var encoded = new StringBuilder(component.Length);
        foreach (var octet in Encoding.UTF8.GetBytes(component))
        {
            if (char.IsAsciiLetterOrDigit((char)octet) || octet is (byte)'.' or (byte)'-' or (byte)'_' or (byte)'~')
            {
                encoded.Append((char)octet);
            }
            else
            {
                encoded.Append('%').Append(octet.ToString("X2"));
            }
        }

        return encoded.ToString();
    }
}
