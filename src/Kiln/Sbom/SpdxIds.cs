using System.Text;
using Kiln.Packages;

namespace Kiln.Sbom;

/// <summary>The SPDX identifiers of a Kiln SBOM: <c>SPDXRef-</c> and an id string of letters, digits, <c>.</c> and <c>-</c> (SPDX 2.3, clauses 6.3, 7.2 and 8.2).</summary>
public static class SpdxIds
{
    public const string Document = "SPDXRef-DOCUMENT";

    public const string Image = "SPDXRef-Image";

    /// <summary><c>SPDXRef-Package-deb-NAME-ARCH</c>; architectures keep the packages of a multiarch image apart.</summary>
    public static string ForDebianPackage(InstalledPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        return $"SPDXRef-Package-deb-{Sanitize(package.Name)}-{Sanitize(package.Architecture)}";
    }

    public static string ForFile(string fileName) => "SPDXRef-File-" + Sanitize(fileName);

    /// <summary>
    /// Keeps letters, digits, <c>.</c> and <c>-</c>; any other character becomes <c>-</c> and the hexadecimal code of each
    /// of its UTF-8 octets (<c>libstdc++6</c>: <c>libstdc-2B-2B6</c>). Debian package names are lowercase, so the
    /// uppercase digits never collide with a real name.
    /// </summary>
    public static string Sanitize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var id = new StringBuilder(text.Length);
        Span<byte> octets = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || rune.Value is '.' or '-'))
            {
                id.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(octets);
            foreach (var octet in octets[..length])
            {
                id.Append('-').Append(octet.ToString("X2"));
            }
        }

        return id.ToString();
    }
}
