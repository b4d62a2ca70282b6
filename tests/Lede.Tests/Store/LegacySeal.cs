using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Lede.Records;
using Lede.Store;

namespace Lede.Tests.Store;

/// <summary>Seals a payload the way Lede did before the article binding (MAC over IV and ciphertext only), written out here apart from Lede's code, as databases of that time hold it.</summary>
public static class LegacySeal
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>A payload sealed under the base64 master key <paramref name="masterBase64"/> with the pre-binding MAC.</summary>
    public static SealedPayload Seal(string masterBase64, SecuredPayload payload)
    {
        var master = Convert.FromBase64String(masterBase64);
        byte[] Derive(string label, int length) => HKDF.DeriveKey(HashAlgorithmName.SHA256, master, length, info: Encoding.ASCII.GetBytes(label));
        var iv = RandomNumberGenerator.GetBytes(16);
        using var aes = Aes.Create();
        aes.Key = Derive("lede secured aes-256-cbc v1", 32);
        var cipher = aes.EncryptCbc(JsonSerializer.SerializeToUtf8Bytes(payload, Json), iv, PaddingMode.PKCS7);
        var mac = HMACSHA256.HashData(Derive("lede secured hmac-sha256 v1", 32), iv.Concat(cipher).ToArray());
        return new SealedPayload(
            new SecuredValue(Convert.ToBase64String(cipher), Convert.ToBase64String(iv)), Convert.ToHexStringLower(Derive("lede secured key id v1", 6)), Convert.ToBase64String(mac));
    }
}
