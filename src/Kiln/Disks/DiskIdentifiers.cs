using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Kiln.Disks;

/// <summary>
/// Where a disk's identifiers come from: filesystem UUIDs, GPT partition GUIDs, the disk's GUID or msdos id and
/// ext directory hash seeds. Derived ones are name-based UUIDs (RFC 9562 version 8 over SHA-256 of the seed and
/// what the identifier names), so two builds of one manifest get the same disk.
/// </summary>
public sealed class DiskIdentifiers
{
    private readonly Func<string, Guid> _uuidFor;

    private DiskIdentifiers(Func<string, Guid> uuidFor) => _uuidFor = uuidFor;

    /// <summary>Every identifier is SHA-256 of <paramref name="seed"/> and the identifier's name.</summary>
    public static DiskIdentifiers DerivedFrom(string seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        return new DiskIdentifiers(name => NameBased(seed, name));
    }

    /// <summary>Every identifier is the next of <paramref name="next"/>, in the order the layout asks for them (tests fix them this way).</summary>
    public static DiskIdentifiers Sequence(Func<Guid> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return new DiskIdentifiers(_ => next());
    }

    /// <summary>The UUID of the filesystem (or swap area) on the partition labelled <paramref name="label"/>.</summary>
    public Guid Filesystem(string label) => _uuidFor($"filesystem:{label}");

    /// <summary>The GPT partition GUID (PARTUUID) of the partition labelled <paramref name="label"/>.</summary>
    public Guid Partition(string label) => _uuidFor($"partition:{label}");

    /// <summary>The seed of the ext filesystem's directory hashes (mke2fs <c>-E hash_seed</c>; random otherwise).</summary>
    public Guid HashSeed(string label) => _uuidFor($"hash-seed:{label}");

    /// <summary>The GPT disk GUID.</summary>
    public Guid GptDisk() => _uuidFor("disk");

    /// <summary>The msdos disk identifier (the MBR's 32-bit signature) as sfdisk's <c>label-id</c> takes it; never zero, which means none.</summary>
    public string MsdosDisk()
    {
        var bytes = _uuidFor("disk").ToByteArray(bigEndian: true);
        var id = BinaryPrimitives.ReadUInt32BigEndian(bytes);
        return "0x" + (id == 0 ? 1 : id).ToString("x8", CultureInfo.InvariantCulture);
    }

    /// <summary>An RFC 9562 version 8 UUID from the first 16 bytes of SHA-256(seed NUL name), version and variant bits set (Python: <c>uuid.UUID(bytes=...)</c> of the same bytes).</summary>
    public static Guid NameBased(string seed, string name)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(name);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}\0{name}"));
        var bytes = hash.AsSpan(0, 16);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
