namespace Lede.Storage.Tests;

/// <summary>A kind of damage <see cref="CheckContractTests"/> does to a store's rows with raw SQL, bypassing the store's code and constraints.</summary>
public enum Damage
{
    /// <summary>A topic row of the target article points at an article that does not exist.</summary>
    TopicOfMissingArticle,

    /// <summary>A known-URL row points at an article that does not exist.</summary>
    UrlOfMissingArticle,

    /// <summary>An image row points at an article that does not exist.</summary>
    ImageOfMissingArticle,

    /// <summary>A decision row points at an article that does not exist.</summary>
    DecisionOfMissingArticle,

    /// <summary>The target's article row names a story that does not exist.</summary>
    StoryMissing,

    /// <summary>The article the target lists as related no longer lists the target back.</summary>
    RelatedNotReturned,

    /// <summary>The target's search index entry is gone.</summary>
    SearchEntryMissing,

    /// <summary>The target's search index entry holds other text than the article.</summary>
    SearchEntryStale,

    /// <summary>The target's sealed payload lost its MAC (still marked as sealed by Lede).</summary>
    MacRemoved,

    /// <summary>The target's sealed payload lost its key id (still marked as sealed by Lede).</summary>
    KeyIdRemoved,

    /// <summary>One byte of the target's ciphertext changed (still valid base64).</summary>
    CiphertextTampered,

    /// <summary>The target's sealed payload (ciphertext, IV, key id, MAC) and the other sealed article's are swapped, each intact.</summary>
    PayloadsSwapped,
}
