namespace Kiln.Tests.Plugins.VendorRepositories;

/// <summary>A throwaway ed25519 public key, binary and as <c>gpg --armor --export</c> printed it.</summary>
public static class TestKeys
{
    public const string BinaryBase64 = "mDMEawJ+SRYJKwYBBAHaRw8BAQdAHdx6J5428eWuadRo4eeWJrNxfZ32ohGZtnUXTa32iLG0HUtpbG4gdGVzdCA8dGVzdEBraWxuLmludmFsaWQ+iJAEExYIADgWIQRbU8Qz7m4KvTGXp8Xd4H7KBXIKGAUCawJ+SQIbAwULCQgHAgYVCgkICwIEFgIDAQIeAQIXgAAKCRDd4H7KBXIKGMnMAP4vd7td7GX05g4nMt6fJvr4RqiDPIH3pLGnzMQlJYsGXgEAqHM2jnGw7QRjcATS19qC61o8F8qKo0HXNoI58HTO9Q4=";

    public const string Armored = """
        -----BEGIN PGP PUBLIC KEY BLOCK-----

        mDMEawJ+SRYJKwYBBAHaRw8BAQdAHdx6J5428eWuadRo4eeWJrNxfZ32ohGZtnUX
        Ta32iLG0HUtpbG4gdGVzdCA8dGVzdEBraWxuLmludmFsaWQ+iJAEExYIADgWIQRb
        U8Qz7m4KvTGXp8Xd4H7KBXIKGAUCawJ+SQIbAwULCQgHAgYVCgkICwIEFgIDAQIe
        AQIXgAAKCRDd4H7KBXIKGMnMAP4vd7td7GX05g4nMt6fJvr4RqiDPIH3pLGnzMQl
        JYsGXgEAqHM2jnGw7QRjcATS19qC61o8F8qKo0HXNoI58HTO9Q4=
        =XXCP
        -----END PGP PUBLIC KEY BLOCK-----

        """;

    public static byte[] Binary => Convert.FromBase64String(BinaryBase64);
}
