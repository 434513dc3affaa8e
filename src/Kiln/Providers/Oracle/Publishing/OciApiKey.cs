using System.Security.Cryptography;
using Kiln.Publishing;

namespace Kiln.Providers.Oracle.Publishing;

/// <summary>
/// The API signing key OCI's REST API is called with, read as the OCI CLI reads it: the config file
/// (OCI_CLI_CONFIG_FILE, else ~/.oci/config), the profile (the manifest's, else OCI_CLI_PROFILE, else DEFAULT), and the
/// CLI's variables over the file's values (OCI_CLI_USER, OCI_CLI_TENANCY, OCI_CLI_FINGERPRINT, OCI_CLI_KEY_FILE,
/// OCI_CLI_KEY_CONTENT, OCI_CLI_PASSPHRASE, OCI_CLI_REGION).
/// </summary>
public sealed record OciApiKey(string Tenancy, string User, string Fingerprint, RSA PrivateKey, string? Region, string Source)
{
    /// <summary>The signature's keyId: TENANCY/USER/FINGERPRINT.</summary>
    public string KeyId => $"{Tenancy}/{User}/{Fingerprint}";

    public static OciApiKey Read(string? manifestProfile, CloudAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        var path = access.FirstVariable("OCI_CLI_CONFIG_FILE") ?? Path.Combine(access.FirstVariable("HOME") ?? "/root", ".oci", "config");
        var profileName = manifestProfile ?? access.FirstVariable("OCI_CLI_PROFILE") ?? OciConfigFile.DefaultProfile;
        IReadOnlyDictionary<string, string> values = new Dictionary<string, string>(StringComparer.Ordinal);
        var source = "the OCI_CLI_* variables";
        if (File.Exists(path))
        {
            var file = OciConfigFile.Parse(File.ReadAllText(path), path);
            values = file.Profile(profileName)
                ?? (manifestProfile is not null || access.FirstVariable("OCI_CLI_PROFILE") is not null
                    ? throw new UserInputException($"{path} has no profile [{profileName}] (it has {string.Join(", ", file.Profiles)}); name another one in provider.profile or OCI_CLI_PROFILE")
                    : values);
            source = $"the profile [{profileName}] of {path}";
        }
        else if (manifestProfile is not null || access.FirstVariable("OCI_CLI_CONFIG_FILE") is not null)
        {
            throw new UserInputException($"the OCI config file {path} does not exist; write it with oci setup config, or point OCI_CLI_CONFIG_FILE at it");
        }

        string? Value(string variable, string key) => access.FirstVariable(variable) ?? values.GetValueOrDefault(key);
        string Required(string variable, string key) => Value(variable, key)
            ?? throw new UserInputException($"no OCI API key: {source} has no {key} (and {variable} is not set); write an OCI config file with oci setup config (or set OCI_CLI_CONFIG_FILE), or build with --no-publish");

        var tenancy = Required("OCI_CLI_TENANCY", "tenancy");
        var user = Required("OCI_CLI_USER", "user");
        var fingerprint = Required("OCI_CLI_FINGERPRINT", "fingerprint");
        var passPhrase = Value("OCI_CLI_PASSPHRASE", "pass_phrase");
        if (passPhrase is not null)
        {
            access.Secrets.Add(passPhrase);
        }

        var pem = access.FirstVariable("OCI_CLI_KEY_CONTENT") ?? ReadKeyFile(Expand(Required("OCI_CLI_KEY_FILE", "key_file"), access));
        return new OciApiKey(tenancy, user, fingerprint, Import(pem, passPhrase, source), Value("OCI_CLI_REGION", "region"), source);
    }

    private static string Expand(string path, CloudAccess access) =>
        path.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(access.FirstVariable("HOME") ?? "/root", path[2..]) : path;

    private static string ReadKeyFile(string path) =>
        File.Exists(path) ? File.ReadAllText(path) : throw new UserInputException($"the OCI API key file {path} does not exist; fix key_file in the OCI config file (or OCI_CLI_KEY_FILE)");

    private static RSA Import(string pem, string? passPhrase, string source)
    {
        var rsa = RSA.Create();
        try
        {
            if (passPhrase is null)
            {
                rsa.ImportFromPem(pem);
            }
            else
            {
                rsa.ImportFromEncryptedPem(pem, passPhrase);
            }

            return rsa;
        }
        catch (Exception exception) when (exception is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            throw new UserInputException($"the OCI API key of {source} is not an RSA private key in PEM form that Kiln can read ({exception.Message}); check key_file and pass_phrase", exception);
        }
    }
}
