using Kiln.Disks;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Disks;

public sealed class ByteSizeTests
{
    [Theory]
    [InlineData("0B", 0L)]
    [InlineData("512B", 512L)]
    [InlineData("1KiB", 1024L)]
    [InlineData("1KB", 1024L)]
    [InlineData("3MiB", 3L * 1024 * 1024)]
    [InlineData("3MB", 3L * 1024 * 1024)]
    [InlineData("8GiB", 8L * 1024 * 1024 * 1024)]
    [InlineData("8GB", 8L * 1024 * 1024 * 1024)]
    [InlineData("2TiB", 2L * 1024 * 1024 * 1024 * 1024)]
    [InlineData("2TB", 2L * 1024 * 1024 * 1024 * 1024)]
    public void Every_unit_parses_as_a_binary_multiple(string text, long bytes)
    {
        ByteSize.Parse(text).Bytes.ShouldBe(bytes);
    }

    [Theory]
    [InlineData("2XB")]
    [InlineData("1.5GiB")]
    [InlineData("1 GiB")]
    [InlineData(" 1GiB")]
    [InlineData("-1GiB")]
    [InlineData("1gib")]
    [InlineData("1G")]
    [InlineData("GiB")]
    [InlineData("")]
    [InlineData("9000000TiB")]
    [InlineData("99999999999999999999B")]
    public void Text_that_is_not_a_whole_number_and_a_known_unit_or_overflows_is_rejected(string text)
    {
        ByteSize.TryParse(text, out var size).ShouldBeFalse();
        size.ShouldBe(ByteSize.Zero);
    }

    [Fact]
    public void The_largest_size_that_fits_in_a_long_still_parses()
    {
        ByteSize.Parse("8388607TiB").Bytes.ShouldBe(8388607L << 40);
        ByteSize.TryParse("8388608TiB", out _).ShouldBeFalse();
    }

    [Fact]
    public void Null_is_not_a_size()
    {
        ByteSize.TryParse(null, out _).ShouldBeFalse();
    }

    [Fact]
    public void Parse_explains_what_a_size_looks_like()
    {
        var error = Should.Throw<FormatException>(() => ByteSize.Parse("2XB"));

        error.Message.ShouldBe("`2XB` is not a size; write a whole number and a unit: B, KiB, MiB, GiB, TiB (or KB, MB, GB, TB, which mean the same)");
    }

    [Theory]
    [InlineData(0L, "0B")]
    [InlineData(512L, "512B")]
    [InlineData(1000L, "1000B")]
    [InlineData(1024L, "1KiB")]
    [InlineData(1536L * 1024 * 1024, "1536MiB")]
    [InlineData(1024L * 1024 * 1024, "1GiB")]
    [InlineData(3L << 40, "3TiB")]
    [InlineData((1L << 30) + 512, "1073742336B")]
    public void ToString_uses_the_largest_unit_that_is_exact(long bytes, string text)
    {
        new ByteSize(bytes).ToString().ShouldBe(text);
    }

    [Fact]
    public void Sizes_convert_to_and_from_512_byte_sectors()
    {
        ByteSize.FromSectors(2048).ShouldBe(ByteSize.FromMiB(1));
        ByteSize.FromMiB(1).Sectors.ShouldBe(2048);
        new ByteSize(1023).Sectors.ShouldBe(1);
    }

    [Fact]
    public void Alignment_rounds_up_and_down_to_the_multiple()
    {
        var mebibyte = ByteSize.FromMiB(1);

        new ByteSize(1).AlignUp(mebibyte).ShouldBe(mebibyte);
        mebibyte.AlignUp(mebibyte).ShouldBe(mebibyte);
        new ByteSize((1 << 20) + 1).AlignDown(mebibyte).ShouldBe(mebibyte);
        new ByteSize((1 << 20) - 1).AlignDown(mebibyte).ShouldBe(ByteSize.Zero);
    }

    [Fact]
    public void Sizes_add_subtract_and_compare_by_bytes()
    {
        var one = ByteSize.FromMiB(1);
        var two = ByteSize.FromMiB(2);

        (one + one).ShouldBe(two);
        two.Subtract(one).ShouldBe(one);
        (one < two).ShouldBeTrue();
        (two >= ByteSize.FromMiB(2)).ShouldBeTrue();
        one.CompareTo(two).ShouldBe(-1);
    }
}
