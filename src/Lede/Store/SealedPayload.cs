using Lede.Records;

namespace Lede.Store;

/// <summary>An encrypted payload as Lede keeps it: the record's value, plus the key id and the MAC kept outside the record.</summary>
/// <param name="Value">What the record's <c>secured</c> field holds.</param>
/// <param name="KeyId">The key that sealed it.</param>
/// <param name="Mac">Base64 HMAC-SHA256 over IV and ciphertext.</param>
public sealed record SealedPayload(SecuredValue Value, string KeyId, string Mac);
