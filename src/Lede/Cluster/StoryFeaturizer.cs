namespace Lede.Cluster;

/// <summary>Turns a document into title, lead, all-token and entity sub-vectors, and keeps the stream's vocabulary and name lexicon up to date.</summary>
/// <remarks>Tokens are spans of the document's strings and words are looked up by span: a string is made only for a word or name the stream has not met yet.</remarks>
internal sealed class StoryFeaturizer
{
    private const string EntityPrefix = "@";
    private const int TextSentences = 1_000_000;

    private readonly StoryVocabulary _words = new();
    // Name → entity id: prefixing once per distinct name, not per token.
    private readonly Dictionary<string, int> _entityIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _entityLookup;
    // Scratch reused by every document: the hot path allocates only the vectors it returns.
    private readonly List<StoryToken> _textTokens = [];
    private readonly List<StoryToken> _titleTokens = [];
    private readonly List<int> _textSlots = [];
    private readonly List<int> _titleSlots = [];
    private readonly List<int> _run = [];
    private readonly HashSet<int> _titleCase = [];
    private readonly HashSet<int> _shouted = [];
    private char[] _chars = new char[64];
    private int[] _textIds = new int[64];
    private int[] _titleIds = new int[64];

    private readonly StoryClusterOptions _options;

    public StoryFeaturizer(StoryClusterOptions options)
    {
        _options = options;
        Terms = new TermStatistics(options.IdfPriorStories);
        _entityLookup = _entityIds.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public TermStatistics Terms { get; }

    public static bool IsEntity(string key) => key.StartsWith(EntityPrefix, StringComparison.Ordinal);

    public static string Display(string key) => IsEntity(key) ? key[EntityPrefix.Length..] : key;

    /// <summary>Forgets the keys no mark keeps, with the words and names that led to them and what the lexicon knew of those words.</summary>
    /// <returns>How many keys were forgotten.</returns>
    public int Prune(bool[] keep)
    {
        var dropped = Terms.Prune(keep);
        if (dropped == 0)
        {
            return 0;
        }

        _words.Forget(Terms);
        var gone = new List<string>();
        foreach (var (text, id) in _entityIds)
        {
            if (!Terms.IsLive(id))
            {
                gone.Add(text);
            }
        }

        foreach (var text in gone)
        {
            _entityIds.Remove(text);
        }

        if (gone.Count > 0)
        {
            _entityIds.TrimExcess();
        }

        return dropped;
    }

    /// <summary>Builds the sub-vectors; the story frequencies are counted when the document joins a story.</summary>
    public DocumentVectors Featurize(StoryDocument doc)
    {
        var text = _textTokens;
        var title = _titleTokens;
        text.Clear();
        title.Clear();
        StoryTokenizer.Tokenize(doc.Text, text, TextSentences, _options.MaxWords);
        StoryTokenizer.Tokenize(doc.Title, title);
        if (title.Count == 0)
        {
            // No headline: the first sentence of the text stands in for it.
            for (var i = 0; i < text.Count && i < 25 && text[i].Sentence == TextSentences; i++)
            {
                title.Add(text[i]);
            }
        }

        Slots(title, _titleSlots);
        Slots(text, _textSlots);
        _titleCase.Clear();
        _shouted.Clear();
        Classify(title, _titleSlots);
        Classify(text, _textSlots);
        // Learn names from the body first: it is what tells a title-case headline's names from its other words.
        Observe(text, _textSlots);
        Observe(title, _titleSlots);

        var fields = new TermWeights[DocumentVectors.FieldCount];
        for (var f = 0; f < fields.Length; f++)
        {
            fields[f] = [];
        }

        // Each token's term id once (headline first, then text: the order new terms are met in), then the fields from the ids.
        var titleIds = WordIds(_titleSlots, ref _titleIds);
        var textIds = WordIds(_textSlots, ref _textIds);
        var hasTitle = doc.Title is { Length: > 0 };
        var titleKeys = hasTitle ? titleIds : [];
        AddTerms(fields[(int)StoryField.Title], titleIds);
        AddTerms(fields[(int)StoryField.Lead], titleKeys);
        AddTerms(fields[(int)StoryField.Lead], textIds[..Math.Clamp(_options.LeadWords, 0, textIds.Length)]);
        AddTerms(fields[(int)StoryField.All], titleKeys);
        AddTerms(fields[(int)StoryField.All], textIds);
        if (hasTitle && _options.HeadlineCompoundParts && text.Count == 0)
        {
            AddCompoundParts(fields, title);
        }
        if (hasTitle)
        {
            AddEntities(fields[(int)StoryField.Entities], title, _titleSlots, titleIds);
        }

        AddEntities(fields[(int)StoryField.Entities], text, _textSlots, textIds);
        foreach (var field in fields)
        {
            field.Sublinear();
        }

        return new DocumentVectors(doc.Id, doc.Published, fields);
    }

    // The vocabulary slot of each token's lower-case form.
    private void Slots(List<StoryToken> tokens, List<int> slots)
    {
        slots.Clear();
        foreach (var t in tokens)
        {
            if (_chars.Length < t.Length)
            {
                _chars = new char[Math.Max(t.Length, _chars.Length * 2)];
            }

            var written = t.Text.ToLowerInvariant(_chars);
            slots.Add(_words.Slot(_chars.AsSpan(0, written)));
        }
    }

    // Sentences written In Title Case (or IN CAPITALS) capitalise words that are not names; tokens come in sentence order, so one pass counts both.
    private void Classify(List<StoryToken> tokens, List<int> slots)
    {
        int content = 0, capital = 0, letters = 0, acronyms = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (char.IsLetter(t.First))
            {
                letters++;
                acronyms += t.IsAcronym ? 1 : 0;
                if (!_words.IsStop(slots[i]))
                {
                    content++;
                    capital += t.IsAcronym || t.IsCapitalized ? 1 : 0;
                }
            }

            if (i + 1 == tokens.Count || tokens[i + 1].Sentence != t.Sentence)
            {
                if (content >= 3 && capital >= 0.75 * content)
                {
                    _titleCase.Add(t.Sentence);
                }

                if (letters >= 3 && acronyms >= 0.75 * letters)
                {
                    _shouted.Add(t.Sentence);
                }

                (content, capital, letters, acronyms) = (0, 0, 0, 0);
            }
        }
    }

    private void Observe(List<StoryToken> tokens, List<int> slots)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (!t.SentenceStart && !_titleCase.Contains(t.Sentence) && char.IsLetter(t.First))
            {
                _words.Observe(slots[i], t.IsCapitalized || t.IsAcronym);
            }
        }
    }

    // The term id of each token (−1 for stop words), stemming each distinct word once per stream.
    private Span<int> WordIds(List<int> slots, ref int[] buffer)
    {
        if (buffer.Length < slots.Count)
        {
            buffer = new int[Math.Max(slots.Count, buffer.Length * 2)];
        }

        for (var i = 0; i < slots.Count; i++)
        {
            buffer[i] = _words.TermId(slots[i], Terms);
        }

        return buffer.AsSpan(0, slots.Count);
    }

    // A headline has few words to share: the parts of a hyphenated compound (Fannie-Freddie, Housing-Finance) count as words
    // too, so that one written as a compound meets the same names written apart.
    private void AddCompoundParts(TermWeights[] fields, List<StoryToken> title)
    {
        foreach (var t in title)
        {
            var word = t.Text;
            if (word.IndexOf('-') <= 0 || !char.IsLetter(t.First))
            {
                continue;
            }

            foreach (var range in word.Split('-'))
            {
                var part = word[range];
                if (part.Length < 2 || !char.IsLetter(part[0]))
                {
                    continue;
                }

                if (_chars.Length < part.Length)
                {
                    _chars = new char[Math.Max(part.Length, _chars.Length * 2)];
                }

                var written = part.ToLowerInvariant(_chars);
                var id = _words.TermId(_words.Slot(_chars.AsSpan(0, written)), Terms);
                if (id >= 0)
                {
                    fields[(int)StoryField.Title].Add(id, 1);
                    fields[(int)StoryField.Lead].Add(id, 1);
                    fields[(int)StoryField.All].Add(id, 1);
                }
            }
        }
    }

    private static void AddTerms(TermWeights field, ReadOnlySpan<int> ids)
    {
        foreach (var id in ids)
        {
            if (id >= 0)
            {
                field.Add(id, 1);
            }
        }
    }

    private void AddEntities(TermWeights field, List<StoryToken> tokens, List<int> slots, ReadOnlySpan<int> wordIds)
    {
        var run = _run;
        run.Clear();
        var previous = -1;
        for (var i = 0; i <= tokens.Count; i++)
        {
            var entity = i < tokens.Count && wordIds[i] >= 0 && IsName(tokens[i], slots[i]);
            var joins = entity && previous == i - 1 && run.Count > 0 && tokens[i].Sentence == tokens[i - 1].Sentence;
            if (!joins && run.Count > 0)
            {
                // A run of names is one entity as well as its parts: "Bob Etheridge", "Bob", "Etheridge".
                if (run.Count is >= 2 and <= 4)
                {
                    AddRun(field, run);
                }

                run.Clear();
            }

            if (entity)
            {
                Add(field, _words.Text(slots[i]));
                run.Add(slots[i]);
                previous = i;
            }
        }
    }

    private void AddRun(TermWeights field, List<int> run)
    {
        var length = run.Count - 1;
        foreach (var slot in run)
        {
            length += _words.Text(slot).Length;
        }

        if (_chars.Length < length)
        {
            _chars = new char[Math.Max(length, _chars.Length * 2)];
        }

        var at = 0;
        foreach (var slot in run)
        {
            if (at > 0)
            {
                _chars[at++] = ' ';
            }

            var word = _words.Text(slot);
            word.CopyTo(_chars.AsSpan(at));
            at += word.Length;
        }

        Add(field, _chars.AsSpan(0, at));
    }

    private void Add(TermWeights field, ReadOnlySpan<char> name)
    {
        if (!_entityLookup.TryGetValue(name, out var id))
        {
            var text = name.ToString();
            id = Terms.Id(EntityPrefix + text);
            _entityIds.Add(text, id);
        }

        field.Add(id, 1);
    }

    private bool IsName(StoryToken t, int slot)
    {
        // Stop words never get here: the caller skips tokens without a term id.
        if (_words.IsNotName(slot) || !char.IsLetterOrDigit(t.First))
        {
            return false;
        }

        if (t.IsProduct || (t.IsAcronym && !_shouted.Contains(t.Sentence)))
        {
            return true;
        }

        if (!t.IsCapitalized && !t.IsAcronym)
        {
            return false;
        }

        // Capitalised mid-sentence in ordinary prose is a name; elsewhere only what the stream has learnt to be one.
        return (!t.SentenceStart && !_titleCase.Contains(t.Sentence)) || _words.IsName(slot);
    }
}
