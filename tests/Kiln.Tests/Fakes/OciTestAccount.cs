using System.Security.Cryptography;

namespace Kiln.Tests.Fakes;

/// <summary>
/// An OCI API key for tests: a fresh RSA key written as PEM and an OCI config file naming it (profile DEFAULT, or the
/// name given), in a temporary directory deleted afterwards; the public half for <see cref="FakeOciApi"/>.
/// </summary>
public sealed class OciTestAccount : IDisposable
{
    public const string Tenancy = "ocid1.tenancy.oc1..aaaakilntenancy";
    public const string User = "ocid1.user.oc1..aaaakilnuser";
    public const string Fingerprint = "20:3b:97:13:55:1c:5b:0d:d3:37:d8:50:4e:c5:3a:34";

    private readonly RSA _key = RSA.Create(2048);

    public OciTestAccount(string profile = "DEFAULT", string region = "eu-frankfurt-1")
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("kiln-oci-").FullName;
        KeyFile = Path.Combine(Directory, "oci_api_key.pem");
        File.WriteAllText(KeyFile, _key.ExportPkcs8PrivateKeyPem());
        ConfigFile = Path.Combine(Directory, "config");
        File.WriteAllText(ConfigFile, $"""
            # written by the test
            [{profile}]
            user={User}
            fingerprint={Fingerprint}
            key_file={KeyFile}
            tenancy={Tenancy}
            region={region}

            """);
    }

    public string Directory { get; }

    public string KeyFile { get; }

    public string ConfigFile { get; }

    public static string KeyId => $"{Tenancy}/{User}/{Fingerprint}";

    /// <summary>A key holding only the public half, for checking signatures.</summary>
    public RSA PublicKey()
    {
        var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(_key.ExportSubjectPublicKeyInfo(), out _);
        return rsa;
    }

    public void Dispose()
    {
        _key.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
