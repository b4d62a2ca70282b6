namespace Lede.Cluster;

/// <summary>One word of a text, as a span of its source with case kept, and where it sits in its sentence.</summary>
/// <remarks>No string per token: the word is read in place, and its case flags are worked out once, when the token is made.</remarks>
internal readonly struct StoryToken
{
    private readonly Shape _shape;

    public StoryToken(string source, int start, int length, int sentence, bool sentenceStart)
    {
        Source = source;
        Start = start;
        Length = length;
        Sentence = sentence;
        SentenceStart = sentenceStart;
        _shape = ShapeOf(source.AsSpan(start, length));
    }

    [Flags]
    private enum Shape : byte
    {
        None = 0,
        Capitalized = 1,
        Acronym = 2,
        Product = 4,
    }

    public string Source { get; }

    public int Start { get; }

    public int Length { get; }

    public int Sentence { get; }

    public bool SentenceStart { get; }

    public ReadOnlySpan<char> Text => Source.AsSpan(Start, Length);

    public char First => Source[Start];

    public bool IsCapitalized => (_shape & Shape.Capitalized) != Shape.None;

    /// <summary>All capitals with at least two letters: ECB, GM, NASA.</summary>
    public bool IsAcronym => (_shape & Shape.Acronym) != Shape.None;

    /// <summary>Letters with digits (H100, GPT-5) or a capital after a small letter (iOS, McDonald).</summary>
    public bool IsProduct => (_shape & Shape.Product) != Shape.None;

    private static Shape ShapeOf(ReadOnlySpan<char> text)
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
