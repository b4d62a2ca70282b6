using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Lede.Normalize;
using Lede.Records;

namespace Lede.Store;

/// <summary>Seals and opens secured payloads: AES-256-CBC with PKCS#7 and a fresh IV, then HMAC-SHA256 over the article id, key id, IV and ciphertext.</summary>
/// <remarks>
/// Opening checks the MAC (in constant time) before anything is decrypted, so a tampered or truncated payload is
/// refused without ever running the cipher on it, and a wrong key is an error, never garbage. The MAC binds the payload
/// to its article (<see cref="SealedPayload.IsBound"/>), so a payload moved to another row does not open there.
/// Payloads sealed before that binding (a MAC over IV and ciphertext only) still open; <c>lede keys rotate</c> re-seals them.
/// </remarks>
public sealed class SecuredBox(KeyRing keys)
{
    private const int IvLength = 16;

    /// <summary>Encrypts <paramref name="payload"/> for the article <paramref name="article"/> under the ring's current key.</summary>
    public SealedPayload Seal(ArticleId article, SecuredPayload payload)
    {
        var key = keys.Current;
        var plain = JsonSerializer.SerializeToUtf8Bytes(payload, SecuredJson.Default.SecuredPayload);
        var iv = RandomNumberGenerator.GetBytes(IvLength);
        using var aes = Aes.Create();
        aes.Key = key.EncryptionKey;
        var cipher = aes.EncryptCbc(plain, iv, PaddingMode.PKCS7);
        var mac = BoundMac(key, article, iv, cipher);
        return new SealedPayload(
            new SecuredValue(Convert.ToBase64String(cipher), Convert.ToBase64String(iv)), key.Id, SealedPayload.BoundMacPrefix + Convert.ToBase64String(mac));
    }

    /// <summary>Verifies and decrypts the sealed payload of the article <paramref name="article"/>.</summary>
    /// <exception cref="SecuredPayloadException">Unknown key, bad base64, failed MAC (another article's payload too) or a plaintext that is not a payload.</exception>
    public SecuredPayload Open(ArticleId article, SealedPayload sealedPayload)
    {
        var (key, cipher, iv) = Authenticate(article, sealedPayload);
        try
        {
            using var aes = Aes.Create();
            aes.Key = key.EncryptionKey;
            var plain = aes.DecryptCbc(cipher, iv, PaddingMode.PKCS7);
            return JsonSerializer.Deserialize(plain, SecuredJson.Default.SecuredPayload)
                ?? throw new SecuredPayloadException("the decrypted payload is empty");
        }
        catch (Exception e) when (e is CryptographicException or JsonException)
        {
            // Only reachable with a valid MAC, i.e. a payload Lede itself sealed badly: still an error, not a crash.
            throw new SecuredPayloadException($"the payload authenticates but does not decrypt to a payload: {e.Message}");
        }
    }

    /// <summary>Checks a sealed payload's key and MAC for the article <paramref name="article"/> without decrypting it (what <c>lede db check</c> does).</summary>
    /// <exception cref="SecuredPayloadException">Unknown key, bad base64, wrong lengths or a failed MAC.</exception>
    public void Verify(ArticleId article, SealedPayload sealedPayload) => Authenticate(article, sealedPayload);

    // Everything Open checks before the cipher runs: the key is known, the parts decode, the MAC matches.
    private (SecuredKey Key, byte[] Cipher, byte[] Iv) Authenticate(ArticleId article, SealedPayload sealedPayload)
    {
        ArgumentNullException.ThrowIfNull(sealedPayload);
        var key = keys.Find(sealedPayload.KeyId)
            ?? throw new SecuredPayloadException($"sealed with key {sealedPayload.KeyId}, which is not in the key ring");
        var cipher = Decode(sealedPayload.Value.Ciphertext, "ciphertext");
        var iv = Decode(sealedPayload.Value.Iv, "IV");
        var bound = sealedPayload.IsBound;
        var mac = Decode(bound ? sealedPayload.Mac[SealedPayload.BoundMacPrefix.Length..] : sealedPayload.Mac, "MAC");
        if (iv.Length != IvLength || cipher.Length == 0 || cipher.Length % IvLength != 0)
        {
            throw new SecuredPayloadException("the ciphertext or IV has the wrong length (truncated?)");
        }

        if (!CryptographicOperations.FixedTimeEquals(mac, bound ? BoundMac(key, article, iv, cipher) : UnboundMac(key, iv, cipher)))
        {
            throw new SecuredPayloadException(bound
                ? $"the MAC does not match under key {key.Id}: the payload was changed, sealed with another key or sealed for another article"
                : $"the MAC does not match under key {key.Id}: the payload was changed or sealed with another key");
        }

        return (key, cipher, iv);
    }

    // The MAC of payloads sealed since the article binding: its own key (so it can never pass as the older MAC), over
    // the article id, the key id (length first, so the fields cannot run into each other), the IV and the ciphertext.
    private static byte[] BoundMac(SecuredKey key, ArticleId article, byte[] iv, byte[] cipher)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key.BoundMacKey);
        Span<byte> id = stackalloc byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64BigEndian(id, article.Value);
        hmac.AppendData(id);
        var keyId = Encoding.ASCII.GetBytes(key.Id);
        hmac.AppendData([(byte)keyId.Length]);
        hmac.AppendData(keyId);
        hmac.AppendData(iv);
        hmac.AppendData(cipher);
        return hmac.GetHashAndReset();
    }

    // The MAC of payloads sealed before the binding: IV and ciphertext only.
    private static byte[] UnboundMac(SecuredKey key, byte[] iv, byte[] cipher)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key.MacKey);
        hmac.AppendData(iv);
        hmac.AppendData(cipher);
        return hmac.GetHashAndReset();
    }

    private static byte[] Decode(string base64, string what)
    {
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new SecuredPayloadException($"the {what} is not valid base64");
        }
    }
}
