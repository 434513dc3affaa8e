using Kiln.Providers.Oracle.Publishing;
using Kiln.Publishing;
using Kiln.Tests.Fakes;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Providers.Oracle;

public sealed class OciApiKeyTests : IDisposable
{
    private readonly OciTestAccount _account = new("kiln");

    [Fact]
    public void A_profile_inherits_from_default_and_the_cli_variables_win_over_the_file()
    {
        File.WriteAllText(_account.ConfigFile, $"[DEFAULT]\nregion=us-ashburn-1\nfingerprint=aa:bb\n" + File.ReadAllText(_account.ConfigFile).Replace("fingerprint=", "#fingerprint=", StringComparison.Ordinal).Replace("region=eu-frankfurt-1", string.Empty, StringComparison.Ordinal));

        var key = OciApiKey.Read(null, Access(("OCI_CLI_CONFIG_FILE", _account.ConfigFile), ("OCI_CLI_PROFILE", "kiln"), ("OCI_CLI_USER", "ocid1.user.oc1..other")));

        key.Region.ShouldBe("us-ashburn-1");
        key.KeyId.ShouldBe($"{OciTestAccount.Tenancy}/ocid1.user.oc1..other/aa:bb");
        key.Source.ShouldBe($"the profile [kiln] of {_account.ConfigFile}");
    }

    [Fact]
    public void The_manifests_profile_comes_before_oci_cli_profile()
    {
        var error = Should.Throw<UserInputException>(() => OciApiKey.Read("missing", Access(("OCI_CLI_CONFIG_FILE", _account.ConfigFile), ("OCI_CLI_PROFILE", "kiln"))));

        error.Message.ShouldBe($"{_account.ConfigFile} has no profile [missing] (it has kiln); name another one in provider.profile or OCI_CLI_PROFILE");
    }

    [Fact]
    public void Without_a_config_file_or_variables_the_user_is_told_to_write_one()
    {
        var error = Should.Throw<UserInputException>(() => OciApiKey.Read(null, Access(("HOME", _account.Directory))));

        error.Message.ShouldStartWith("no OCI API key: the OCI_CLI_* variables has no tenancy");
    }

    [Fact]
    public void A_key_file_that_is_no_pem_is_refused_with_a_sentence()
    {
        File.WriteAllText(_account.KeyFile, "not a key");

        var error = Should.Throw<UserInputException>(() => OciApiKey.Read("kiln", Access(("OCI_CLI_CONFIG_FILE", _account.ConfigFile))));

        error.Message.ShouldStartWith($"the OCI API key of the profile [kiln] of {_account.ConfigFile} is not an RSA private key in PEM form");
    }

    [Fact]
    public void The_endpoints_are_oci_clis_override_or_the_regions_own()
    {
        OciConnection.CoreEndpointFor(Access(), "eu-frankfurt-1").ToString().ShouldBe("https://iaas.eu-frankfurt-1.oraclecloud.com/20160918/");
        OciConnection.CoreEndpointFor(Access(("OCI_CLI_ENDPOINT", "http://127.0.0.1:9/20160918")), "x").ToString().ShouldBe("http://127.0.0.1:9/20160918/");
        OciConnection.CoreEndpointFor(Access(("OCI_CLI_ENDPOINT", "http://127.0.0.1:9")), "x").ToString().ShouldBe("http://127.0.0.1:9/20160918/");
        OciConnection.S3EndpointFor(Access(), "kilntenancy", "eu-frankfurt-1").ToString().ShouldBe("https://kilntenancy.compat.objectstorage.eu-frankfurt-1.oraclecloud.com/");
        OciConnection.S3EndpointFor(Access(("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:4568")), "n", "r").ToString().ShouldBe("http://127.0.0.1:4568/");
    }

    public void Dispose() => _account.Dispose();

    private static CloudAccess Access(params (string Name, string Value)[] variables)
    {
        var environment = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return new CloudAccess { Environment = environment.GetValueOrDefault };
    }
}
