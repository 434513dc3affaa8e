using Kiln.Host;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Host;

public sealed class SecretMaskerTests
{
    [Fact]
    public void Every_occurrence_of_a_secret_is_masked()
    {
        new SecretMasker(["hunter2"]).Mask("root:hunter2 and again hunter2").ShouldBe("root:******** and again ********");
    }

    [Fact]
    public void The_longer_of_two_overlapping_secrets_is_masked_whole()
    {
        new SecretMasker(["pass", "password1"]).Mask("root:password1").ShouldBe("root:********");
    }

    [Fact]
    public void Empty_secrets_mask_nothing()
    {
        new SecretMasker(["", "x9"]).Mask("abc x9").ShouldBe("abc ********");
    }

    [Fact]
    public void Without_secrets_the_text_is_unchanged()
    {
        new SecretMasker([]).Mask("nothing to hide").ShouldBe("nothing to hide");
    }
}
