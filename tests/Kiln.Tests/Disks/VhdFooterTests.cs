using System.Buffers.Binary;
using System.Text;
using Kiln.Disks;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Disks;

/// <summary>The fixed VHD footer, read back field by field as Microsoft's VHD specification lays it out (big-endian).</summary>
public sealed class VhdFooterTests
{
    private static readonly Guid Id = Guid.Parse("0f1e2d3c-4b5a-8978-a6b5-c4d3e2f10011");

    private static VhdFooter Footer(long bytes) => new() { DiskBytes = bytes, Time = new DateTimeOffset(2024, 3, 5, 14, 7, 9, TimeSpan.Zero), UniqueId = Id };

    [Fact]
    public void Every_field_of_the_footer_is_where_the_specification_puts_it()
    {
        var footer = Footer(2L << 30).ToBytes();

        footer.Length.ShouldBe(512);
        Encoding.ASCII.GetString(footer, 0, 8).ShouldBe("conectix");
        BinaryPrimitives.ReadUInt32BigEndian(footer.AsSpan(8)).ShouldBe(0x00000002u, "features: the reserved bit");
        BinaryPrimitives.ReadUInt32BigEndian(footer.AsSpan(12)).ShouldBe(0x00010000u, "format version 1.0");
        BinaryPrimitives.ReadUInt64BigEndian(footer.AsSpan(16)).ShouldBe(ulong.MaxValue, "a fixed disk has no dynamic header");
        BinaryPrimitives.ReadUInt32BigEndian(footer.AsSpan(24)).ShouldBe((uint)(new DateTimeOffset(2024, 3, 5, 14, 7, 9, TimeSpan.Zero).ToUnixTimeSeconds() - 946684800), "seconds since 2000-01-01");
        Encoding.ASCII.GetString(footer, 28, 4).ShouldBe("kiln");
        BinaryPrimitives.ReadUInt32BigEndian(footer.AsSpan(32)).ShouldBe(0x00010000u);
        Encoding.ASCII.GetString(footer, 36, 4).ShouldBe("Wi2k");
        BinaryPrimitives.ReadUInt64BigEndian(footer.AsSpan(40)).ShouldBe(2UL << 30, "original size");
        BinaryPrimitives.ReadUInt64BigEndian(footer.AsSpan(48)).ShouldBe(2UL << 30, "current size");
        BinaryPrimitives.ReadUInt16BigEndian(footer.AsSpan(56)).ShouldBe((ushort)65535);
        footer[58].ShouldBe((byte)16);
        footer[59].ShouldBe((byte)255);
        BinaryPrimitives.ReadUInt32BigEndian(footer.AsSpan(60)).ShouldBe(2u, "disk type fixed");
        new Guid(footer.AsSpan(68, 16), bigEndian: true).ShouldBe(Id);
        footer[84].ShouldBe((byte)0, "saved state");
        footer.AsSpan(85).ToArray().ShouldAllBe(b => b == 0);
    }

    [Fact]
    public void The_checksum_is_the_ones_complement_of_the_byte_sum_without_itself()
    {
        var footer = Footer(30L << 30).ToBytes();
        var sum = 0u;
        for (var i = 0; i < footer.Length; i++)
        {
            sum += i is >= 64 and < 68 ? 0u : footer[i];
        }

        BinaryPrimitives.ReadUInt32BigEndian(footer.AsSpan(64)).ShouldBe(~sum);
    }

    [Theory]
    [InlineData(2L << 30, 4161, 16, 63)]
    [InlineData(1032192L * 512, 1024, 16, 63)]
    [InlineData(20L << 20, 602, 4, 17)]
    [InlineData(200L << 30, 65535, 16, 255)]
    public void The_geometry_follows_the_specifications_algorithm(long bytes, int cylinders, int heads, int sectors)
    {
        VhdGeometry.ForSectors(bytes / 512).ShouldBe(new VhdGeometry((ushort)cylinders, (byte)heads, (byte)sectors));
    }

    [Fact]
    public void A_geometry_that_covers_less_than_the_disk_is_recorded_as_the_maximum_so_readers_take_the_current_size()
    {
        // 4161 x 16 x 63 sectors are 8 KiB short of 2 GiB: the GPT's backup header would be cut off.
        VhdGeometry.ForSectors((2L << 30) / 512).Sectors.ShouldBe(((2L << 30) / 512) - 16);
        VhdGeometry.ForFooter(2L << 30).ShouldBe(VhdGeometry.Maximum);
        VhdGeometry.ForFooter(1032192L * 512).ShouldBe(new VhdGeometry(1024, 16, 63));
    }

    [Fact]
    public void A_disk_that_is_no_whole_number_of_sectors_has_no_footer()
    {
        Should.Throw<InvalidOperationException>(() => Footer((2L << 30) + 100).ToBytes());
    }

    [Fact]
    public void A_file_is_recognised_as_a_fixed_vhd_by_its_footer_alone()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [.. new byte[4096], .. Footer(4096).ToBytes()]);
            VhdFooter.EndsFile(path).ShouldBeTrue();

            var damaged = File.ReadAllBytes(path);
            damaged[^1] ^= 1;
            File.WriteAllBytes(path, damaged);
            VhdFooter.EndsFile(path).ShouldBeFalse("the checksum no longer matches");

            File.WriteAllBytes(path, new byte[4608]);
            VhdFooter.EndsFile(path).ShouldBeFalse();
        }
        finally
        {
            File.Delete(path);
        }
    }
}
