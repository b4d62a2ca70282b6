namespace Lede.Dedupe;

/// <summary>Which test found a duplicate, so the caller can decide which copy to keep.</summary>
public enum DuplicateMethod
{
    /// <summary>The same normalized body.</summary>
    ExactText,

    /// <summary>A short text (title or teaser) identical to one seen the same UTC day.</summary>
    ExactShortText,

    /// <summary>Estimated Jaccard resemblance of the word 5-shingles at or above the threshold.</summary>
    Resemblance,

    /// <summary>This text is (almost) all inside the earlier, longer one: a cut or truncated copy.</summary>
    ContainedInEarlier,

    /// <summary>The earlier, shorter text is (almost) all inside this one: a copy embedded in a longer article.</summary>
    ContainsEarlier,

    /// <summary>Simhash within the Hamming distance limit, when the MinHash tests did not decide.</summary>
    SimHash,
}
