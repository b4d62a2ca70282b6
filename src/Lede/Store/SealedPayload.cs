using Lede.Records;

namespace Lede.Store;

/// <summary>An encrypted payload as Lede keeps it: the record's value, plus the key id and the MAC kept outside the record.</summary>
/// <param name="Value">What the record's <c>secured</c> field holds.</param>
/// <param name="KeyId">The key that sealed it.</param>
/// <param name="Mac">
/// <c>v2:</c> and base64 HMAC-SHA256 over article id, key id, IV and ciphertext; or, sealed before the article binding,
/// base64 HMAC-SHA256 over IV and ciphertext alone.
/// </param>
public sealed record SealedPayload(SecuredValue Value, string KeyId, string Mac)
{
    /// <summary>Starts the MAC of a payload bound to its article.</summary>
    public const string BoundMacPrefix = "v2:";

    /// <summary>Whether the MAC binds the payload to its article; false for payloads sealed before the binding, which another row could hold unnoticed.</summary>
    public bool IsBound => Mac.StartsWith(BoundMacPrefix, StringComparison.Ordinal);
}
