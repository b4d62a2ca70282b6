namespace Lede.Cluster;

/// <summary>One word of a text with its case kept and where it sits in its sentence.</summary>
/// <remarks>The case flags are worked out once, when the token is made: the featurizer asks for them several times per token.</remarks>
internal readonly record struct StoryToken(string Text, int Sentence, bool SentenceStart)
{
    private readonly Shape _shape = ShapeOf(Text);

    [Flags]
    private enum Shape : byte
    {
        None = 0,
        Capitalized = 1,
        Acronym = 2,
        Product = 4,
    }

    public string Lower { get; } = Text.ToLowerInvariant();

    public bool IsCapitalized => (_shape & Shape.Capitalized) != Shape.None;

    /// <summary>All capitals with at least two letters: ECB, GM, NASA.</summary>
    public bool IsAcronym => (_shape & Shape.Acronym) != Shape.None;

    /// <summary>Letters with digits (H100, GPT-5) or a capital after a small letter (iOS, McDonald).</summary>
    public bool IsProduct => (_shape & Shape.Product) != Shape.None;

    private static Shape ShapeOf(string text)
    {
        int letters = 0, lower = 0, digits = 0;
        var innerCapital = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            letters += char.IsLetter(c) ? 1 : 0;
            lower += char.IsLower(c) ? 1 : 0;
            digits += char.IsDigit(c) ? 1 : 0;
            innerCapital |= i > 0 && char.IsUpper(c) && char.IsLower(text[i - 1]);
        }

        var shape = Shape.None;
        if (text.Length > 0 && char.IsUpper(text[0]) && lower > 0)
        {
            shape |= Shape.Capitalized;
        }

        if (letters >= 2 && lower == 0)
        {
            shape |= Shape.Acronym;
        }

        if ((letters > 0 && digits > 0) || innerCapital)
        {
            shape |= Shape.Product;
        }

        return shape;
    }
}
