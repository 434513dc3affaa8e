using System.Security.Cryptography;
using System.Text;
using Kiln.Providers.Oracle.Publishing;
using Kiln.Publishing;
using Kiln.Tests.Fakes;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Providers.Oracle;

public sealed class OciRequestSignatureTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 5, 0, 0, TimeSpan.Zero);

    private readonly OciTestAccount _account = new();

    [Fact]
    public void A_get_signs_date_request_target_and_host()
    {
        var headers = OciRequestSignature.Headers("GET", new Uri("https://iaas.eu-frankfurt-1.oraclecloud.com/20160918/images?compartmentId=c&displayName=d"), null, Now, Key()).ToDictionary(h => h.Key, h => h.Value);

        headers.Keys.ShouldBe(["date", "authorization"]);
        headers["date"].ShouldBe("Wed, 02 Dec 2026 05:00:00 GMT");
        headers["authorization"].ShouldStartWith($"Signature version=\"1\",keyId=\"{OciTestAccount.KeyId}\",algorithm=\"rsa-sha256\",headers=\"date (request-target) host\",signature=\"");
        Verifies(headers["authorization"], "date: Wed, 02 Dec 2026 05:00:00 GMT\n(request-target): get /20160918/images?compartmentId=c&displayName=d\nhost: iaas.eu-frankfurt-1.oraclecloud.com").ShouldBeTrue();
    }

    [Fact]
    public void A_post_also_signs_the_bodys_hash_type_and_length_and_a_port_is_part_of_the_host()
    {
        var body = Encoding.UTF8.GetBytes("{\"compartmentId\":\"c\"}");

        var headers = OciRequestSignature.Headers("POST", new Uri("http://127.0.0.1:8080/20160918/images"), body, Now, Key()).ToDictionary(h => h.Key, h => h.Value);

        headers["x-content-sha256"].ShouldBe(Convert.ToBase64String(SHA256.HashData(body)));
        headers["content-type"].ShouldBe("application/json");
        headers["content-length"].ShouldBe("21");
        headers["authorization"].ShouldContain("headers=\"date (request-target) host x-content-sha256 content-type content-length\"");
        Verifies(headers["authorization"], $"date: Wed, 02 Dec 2026 05:00:00 GMT\n(request-target): post /20160918/images\nhost: 127.0.0.1:8080\nx-content-sha256: {headers["x-content-sha256"]}\ncontent-type: application/json\ncontent-length: 21").ShouldBeTrue();
    }

    public void Dispose() => _account.Dispose();

    private OciApiKey Key()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["OCI_CLI_CONFIG_FILE"] = _account.ConfigFile };
        return OciApiKey.Read(null, new CloudAccess { Environment = environment.GetValueOrDefault });
    }

    private bool Verifies(string authorization, string signingString)
    {
        var signature = Convert.FromBase64String(authorization[(authorization.IndexOf("signature=\"", StringComparison.Ordinal) + 11)..^1]);
        using var publicKey = _account.PublicKey();
        return publicKey.VerifyData(Encoding.UTF8.GetBytes(signingString), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }
}
