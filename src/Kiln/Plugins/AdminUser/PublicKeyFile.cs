using System.Buffers.Binary;
using System.Text;

namespace Kiln.Plugins.AdminUser;

/// <summary>
/// Reads an SSH public key file (OpenSSH's one-line format, as in id_ed25519.pub; several lines are several
/// keys) and checks each key the way ssh-keygen -l would: a known type and a key blob that names the same type.
/// </summary>
public static class PublicKeyFile
{
    private static readonly HashSet<string> KeyTypes = new(StringComparer.Ordinal)
    {
        "ssh-ed25519", "ssh-rsa", "ssh-dss", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
        "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com",
    };

    /// <summary>The keys in the text, one per line, or the problem that makes it no public key file.</summary>
    public static (IReadOnlyList<string> Keys, string? Problem) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
        {
            return ([], "is a private key; give the public key, the file of the same name ending in .pub");
        }

        var keys = new List<string>();
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (ProblemWith(line) is { } problem)
            {
                return ([], $"line {index + 1} is not an SSH public key: {problem}");
            }

            keys.Add(line);
        }

        return keys.Count == 0 ? ([], "holds no SSH public key") : (keys, null);
    }

    private static string? ProblemWith(string line)
    {
        var fields = line.Split([' ', '\t'], 3, StringSplitOptions.RemoveEmptyEntries);
        if (!KeyTypes.Contains(fields[0]))
        {
            return $"it starts with `{Shorten(fields[0])}` instead of a key type such as ssh-ed25519 or ssh-rsa";
        }

        if ((fields.Length < 2 ? null : Decode(fields[1])) is not { } blob)
        {
            return "the key after its type is not base64";
        }

        return NamedType(blob) == fields[0] ? null : $"the key data is not a {fields[0]} key";
    }

    private static byte[]? Decode(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var length) && length > 4 ? buffer[..length] : null;
    }

    /// <summary>The key type written at the start of the blob (a length-prefixed string).</summary>
    private static string? NamedType(byte[] blob)
    {
        var length = BinaryPrimitives.ReadUInt32BigEndian(blob);
        return length <= (uint)(blob.Length - 4) ? Encoding.ASCII.GetString(blob, 4, (int)length) : null;
    }

    private static string Shorten(string text) => text.Length > 20 ? text[..20] + "..." : text;
}
