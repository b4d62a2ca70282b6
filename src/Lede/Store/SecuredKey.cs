using System.Security.Cryptography;
using System.Text;

namespace Lede.Store;

/// <summary>A master key for secured payloads, with the two keys derived from it: one to encrypt, one to authenticate.</summary>
/// <remarks>
/// Encrypt-then-MAC needs independent keys; both come from the 32-byte master key by HKDF-SHA256 with distinct labels.
/// The key id is derived too, so it names the key without revealing anything about it.
/// </remarks>
public sealed class SecuredKey
{
    /// <summary>Master keys are 32 bytes (AES-256).</summary>
    public const int Length = 32;

    private SecuredKey(byte[] master)
    {
        EncryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, master, Length, info: Encoding.ASCII.GetBytes("lede secured aes-256-cbc v1"));
        MacKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, master, Length, info: Encoding.ASCII.GetBytes("lede secured hmac-sha256 v1"));
        BoundMacKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, master, Length, info: Encoding.ASCII.GetBytes("lede secured hmac-sha256 v2 article-bound"));
        var idBytes = HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 6, info: Encoding.ASCII.GetBytes("lede secured key id v1"));
        Id = Convert.ToHexStringLower(idBytes);
    }

    /// <summary>Names the key in the store and in key files (12 hex digits).</summary>
    public string Id { get; }

    internal byte[] EncryptionKey { get; }

    // The MAC key of payloads sealed before the article binding (they still open).
    internal byte[] MacKey { get; }

    // The MAC key of payloads bound to their article: another key, so a bound MAC never verifies as an unbound one.
    internal byte[] BoundMacKey { get; }

    /// <summary>A fresh random key.</summary>
    public static SecuredKey New(out string base64)
    {
        var master = RandomNumberGenerator.GetBytes(Length);
        base64 = Convert.ToBase64String(master);
        return new SecuredKey(master);
    }

    /// <summary>The key written as base64 (a key file line or <c>LEDE_SECURED_KEY</c>); the error never repeats the text.</summary>
    public static bool TryParse(string base64, out SecuredKey? key, out string? error)
    {
        key = null;
        var buffer = new byte[Length + 3];
        if (!Convert.TryFromBase64String(base64.Trim(), buffer, out var length) || length != Length)
        {
            error = $"expected base64 of {Length} bytes";
            return false;
        }

        key = new SecuredKey(buffer[..Length]);
        error = null;
        return true;
    }

    /// <summary>Never prints key material.</summary>
    public override string ToString() => $"key {Id}";
}
