namespace Lede.Benchmarks.Legacy;

/// <summary>(Frozen copy for <see cref="FrozenHtmlSanitizer"/>.) What the sanitizer does with an element, by name.</summary>
[Flags]
internal enum FrozenTagRule
{
    /// <summary>Unknown: the tag goes, its content stays.</summary>
    Unwrap = 0,
    /// <summary>Kept, with its allowed attributes.</summary>
    Keep = 1,
    /// <summary>Has no content and no end tag (br, img).</summary>
    Void = 2,
    /// <summary>Dropped with everything inside: its content is code, not text.</summary>
    Drop = 4,
    /// <summary>Its content is not markup (script, style, textarea...): skipped to the matching end tag, whatever it holds.</summary>
    RawText = 8,
    /// <summary>Everything after it is text to the end of the document (plaintext): dropped.</summary>
    ToEnd = 16,
}
