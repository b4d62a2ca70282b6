using System.Runtime.InteropServices;

namespace Lede.Cluster;

/// <summary>Turns a document into title, lead, all-token and entity sub-vectors, and keeps the stream's vocabulary and name lexicon up to date.</summary>
internal sealed class StoryFeaturizer(StoryClusterOptions options)
{
    private const string EntityPrefix = "@";
    private const int TextSentences = 1_000_000;

    private readonly CaseLexicon _lexicon = new();
    // Word → term id (−1 for stop words) and name → entity id: stemming and prefixing once per distinct word, not per token.
    private readonly Dictionary<string, int> _wordIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _entityIds = new(StringComparer.Ordinal);

    public TermStatistics Terms { get; } = new(options.IdfPriorStories);

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

        Forget(_wordIds);
        Forget(_entityIds);
        _lexicon.Prune(_wordIds.ContainsKey);
        return dropped;
    }

    /// <summary>Builds the sub-vectors; the story frequencies are counted when the document joins a story.</summary>
    public DocumentVectors Featurize(StoryDocument doc)
    {
        var textTokens = StoryTokenizer.Tokenize(doc.Text, TextSentences, options.MaxWords);
        var titleTokens = StoryTokenizer.Tokenize(doc.Title);
        if (titleTokens.Count == 0)
        {
            // No headline: the first sentence of the text stands in for it.
            titleTokens = [.. textTokens.TakeWhile(t => t.Sentence == TextSentences).Take(25)];
        }

        var (titleCase, shouted) = Classify(titleTokens);
        var (textTitleCase, textShouted) = Classify(textTokens);
        titleCase.UnionWith(textTitleCase);
        shouted.UnionWith(textShouted);
        // Learn names from the body first: it is what tells a title-case headline's names from its other words.
        Observe(textTokens, titleCase);
        Observe(titleTokens, titleCase);

        var fields = new Dictionary<int, float>[DocumentVectors.FieldCount];
        for (var f = 0; f < fields.Length; f++)
        {
            fields[f] = [];
        }

        // Each token's term id once (headline first, then text: the order new terms are met in), then the fields from the ids.
        var titleIds = WordIds(titleTokens);
        var textIds = WordIds(textTokens);
        var hasTitle = doc.Title is { Length: > 0 };
        var title = hasTitle ? titleTokens : [];
        var titleKeys = hasTitle ? titleIds : [];
        AddTerms(fields[(int)StoryField.Title], titleIds);
        AddTerms(fields[(int)StoryField.Lead], titleKeys);
        AddTerms(fields[(int)StoryField.Lead], textIds.AsSpan(0, Math.Clamp(options.LeadWords, 0, textIds.Length)));
        AddTerms(fields[(int)StoryField.All], titleKeys);
        AddTerms(fields[(int)StoryField.All], textIds);
        AddEntities(fields[(int)StoryField.Entities], title, titleKeys, titleCase, shouted);
        AddEntities(fields[(int)StoryField.Entities], textTokens, textIds, titleCase, shouted);
        foreach (var field in fields)
        {
            foreach (var key in field.Keys)
            {
                field[key] = 1 + MathF.Log(field[key]);
            }
        }

        return new DocumentVectors(doc.Id, doc.Published, fields);
    }

    // Drops the cache entries whose key was forgotten; stop words (−1) stay.
    private void Forget(Dictionary<string, int> ids)
    {
        var gone = new List<string>();
        foreach (var (text, id) in ids)
        {
            if (id >= 0 && !Terms.IsLive(id))
            {
                gone.Add(text);
            }
        }

        foreach (var text in gone)
        {
            ids.Remove(text);
        }

        if (gone.Count > 0)
        {
            ids.TrimExcess();
        }
    }

    // Sentences written In Title Case (or IN CAPITALS) capitalise words that are not names; one pass counts both.
    private static (HashSet<int> TitleCase, HashSet<int> Shouted) Classify(List<StoryToken> tokens)
    {
        var counts = new Dictionary<int, (int Content, int Capital, int Letters, int Acronyms)>();
        foreach (var t in tokens)
        {
            if (!char.IsLetter(t.Text[0]))
            {
                continue;
            }

            var c = counts.GetValueOrDefault(t.Sentence);
            var acronym = t.IsAcronym;
            c.Letters++;
            c.Acronyms += acronym ? 1 : 0;
            if (!StoryWords.IsStop(t.Lower))
            {
                c.Content++;
                c.Capital += acronym || t.IsCapitalized ? 1 : 0;
            }

            counts[t.Sentence] = c;
        }

        var titleCase = counts.Where(c => c.Value.Content >= 3 && c.Value.Capital >= 0.75 * c.Value.Content).Select(c => c.Key).ToHashSet();
        var shouted = counts.Where(c => c.Value.Letters >= 3 && c.Value.Acronyms >= 0.75 * c.Value.Letters).Select(c => c.Key).ToHashSet();
        return (titleCase, shouted);
    }

    private void Observe(List<StoryToken> tokens, HashSet<int> titleCase)
    {
        foreach (var t in tokens)
        {
            if (!t.SentenceStart && !titleCase.Contains(t.Sentence) && char.IsLetter(t.Text[0]))
            {
                _lexicon.Observe(t.Lower, t.IsCapitalized || t.IsAcronym);
            }
        }
    }

    // The term id of each token (−1 for stop words), stemming each distinct word once per stream.
    private int[] WordIds(List<StoryToken> tokens)
    {
        var ids = new int[tokens.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            var lower = tokens[i].Lower;
            if (!_wordIds.TryGetValue(lower, out var id))
            {
                id = StoryWords.IsStop(lower) ? -1 : Terms.Id(StoryWords.Stem(lower));
                _wordIds.Add(lower, id);
            }

            ids[i] = id;
        }

        return ids;
    }

    private static void AddTerms(Dictionary<int, float> field, ReadOnlySpan<int> ids)
    {
        foreach (var id in ids)
        {
            if (id >= 0)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(field, id, out _)++;
            }
        }
    }

    private void AddEntities(Dictionary<int, float> field, List<StoryToken> tokens, int[] wordIds, HashSet<int> titleCase, HashSet<int> shouted)
    {
        var run = new List<string>();
        var previous = -1;
        for (var i = 0; i <= tokens.Count; i++)
        {
            var entity = i < tokens.Count && wordIds[i] >= 0 && IsName(tokens[i], titleCase.Contains(tokens[i].Sentence), shouted.Contains(tokens[i].Sentence));
            var joins = entity && previous == i - 1 && run.Count > 0 && tokens[i].Sentence == tokens[i - 1].Sentence;
            if (!joins && run.Count > 0)
            {
                // A run of names is one entity as well as its parts: "Bob Etheridge", "Bob", "Etheridge".
                if (run.Count is >= 2 and <= 4)
                {
                    Add(field, string.Join(' ', run));
                }

                run.Clear();
            }

            if (entity)
            {
                var lower = tokens[i].Lower;
                Add(field, lower);
                run.Add(lower);
                previous = i;
            }
        }
    }

    private void Add(Dictionary<int, float> field, string name)
    {
        if (!_entityIds.TryGetValue(name, out var id))
        {
            id = Terms.Id(EntityPrefix + name);
            _entityIds.Add(name, id);
        }

        field[id] = field.GetValueOrDefault(id) + 1;
    }

    private bool IsName(StoryToken t, bool titleCase, bool shouted)
    {
        var lower = t.Lower;
        // Stop words never get here: the caller skips tokens without a term id.
        if (StoryWords.IsNotName(lower) || !char.IsLetterOrDigit(t.Text[0]))
        {
            return false;
        }

        if (t.IsProduct || (t.IsAcronym && !shouted))
        {
            return true;
        }

        if (!t.IsCapitalized && !t.IsAcronym)
        {
            return false;
        }

        // Capitalised mid-sentence in ordinary prose is a name; elsewhere only what the stream has learnt to be one.
        return (!t.SentenceStart && !titleCase) || _lexicon.IsName(lower);
    }
}
