using Kiln.Common.Apt;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Common.Apt;

public sealed class ChooseMirrorTests
{
    [Theory]
    [InlineData("http://mirror.example/debian", "http://mirror.example/debian-security")]
    [InlineData("http://mirror.example/debian/", "http://mirror.example/debian-security")]
    [InlineData("http://ftp.de.mirror.example/pub/debian", "http://ftp.de.mirror.example/pub/debian-security")]
    [InlineData("http://mirror.example/pub/linux/debian-mirror", "http://mirror.example/pub/linux/debian-security")]
    public void The_security_archive_is_the_mirrors_sibling(string mirror, string security)
    {
        ChooseMirror.SiblingSecurityArchive(mirror).ShouldBe(security);
    }
}
