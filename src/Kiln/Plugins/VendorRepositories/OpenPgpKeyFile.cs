using System.Text;

namespace Kiln.Plugins.VendorRepositories;

/// <summary>
/// OpenPGP public keys as vendors publish them: ASCII-armored (<c>.asc</c>) or binary (<c>.gpg</c>, <c>.pgp</c>).
/// apt takes a key embedded in a source entry only in armored form, so binary keys are armored here (RFC 4880 §6).
/// </summary>
public static class OpenPgpKeyFile
{
    public const string ArmorHeader = "-----BEGIN PGP PUBLIC KEY BLOCK-----";

    public const string ArmorFooter = "-----END PGP PUBLIC KEY BLOCK-----";

    private const int PublicKeyPacketTag = 6;

    public static bool IsPublicKey(byte[] content) => IsArmored(content) || IsBinary(content);

    public static bool IsArmored(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Encoding.UTF8.GetString(content).TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith(ArmorHeader, StringComparison.Ordinal);
    }

    /// <summary>A binary key starts with a public-key packet, in the old or the new packet format.</summary>
    public static bool IsBinary(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0)
        {
            return false;
        }

        var first = content[0];
        return (first & 0xC0) switch
        {
            0x80 => ((first >> 2) & 0x0F) == PublicKeyPacketTag,
            0xC0 => (first & 0x3F) == PublicKeyPacketTag,
            _ => false,
        };
    }

    /// <summary>The key in armored form, with Unix line ends and one final newline.</summary>
    public static string Armored(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (IsArmored(content))
        {
            return Encoding.UTF8.GetString(content).TrimStart('\uFEFF').ReplaceLineEndings("\n").Trim() + "\n";
        }

        var text = new StringBuilder().Append(ArmorHeader).Append("\n\n");
        var base64 = Convert.ToBase64String(content);
        for (var index = 0; index < base64.Length; index += 64)
        {
            text.Append(base64.AsSpan(index, Math.Min(64, base64.Length - index))).Append('\n');
        }

        var crc = Crc24(content);
        text.Append('=').Append(Convert.ToBase64String([(byte)(crc >> 16), (byte)(crc >> 8), (byte)crc])).Append('\n');
        return text.Append(ArmorFooter).Append('\n').ToString();
    }

    /// <summary>The armor checksum: CRC-24 with the polynomial and start value of RFC 4880 §6.1.</summary>
    public static int Crc24(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var crc = 0xB704CE;
        foreach (var octet in data)
        {
            crc ^= octet << 16;
            for (var bit = 0; bit < 8; bit++)
            {
                crc <<= 1;
                if ((crc & 0x1000000) != 0)
                {
                    crc ^= 0x1864CFB;
                }
            }
        }

        return crc & 0xFFFFFF;
    }
}
