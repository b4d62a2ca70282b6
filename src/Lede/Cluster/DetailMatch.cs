namespace Lede.Cluster;

/// <summary>How a document's key details (its strongest names) compare with a story's.</summary>
internal enum DetailMatch
{
    /// <summary>One side names no distinctive details, or they partly overlap.</summary>
    Neutral,

    /// <summary>The document's strongest detail is one of the story's strongest.</summary>
    Agree,

    /// <summary>None of the document's key details is in the story and none of the story's is in the document: a different event of the same kind.</summary>
    Conflict,
}
