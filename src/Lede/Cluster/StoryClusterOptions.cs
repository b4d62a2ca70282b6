namespace Lede.Cluster;

/// <summary>The tunables of <see cref="StoryClusterer"/>; the defaults are the same for every stream.</summary>
public sealed record StoryClusterOptions
{
    /// <summary>Stories whose newest article is older than this (publication time) leave the active pool.</summary>
    /// <value>Default: 7 days.</value>
    public double WindowDays { get; init; } = 7;

    /// <summary>Standard deviation of the Gaussian time feature: how fast similarity fades with the gap to a story.</summary>
    /// <value>Default: 3 days (Miranda et al. 2018).</value>
    public double TimeSigmaDays { get; init; } = 3;

    /// <summary>The share of the text similarity that does not depend on time: score = text × (floor + (1 − floor) × G(Δt)).</summary>
    /// <value>Default: 0.35.</value>
    public double TimeFloor { get; init; } = 0.35;

    /// <summary>Weight of the cosine over all tokens (title and text).</summary>
    /// <value>Default: 0.4.</value>
    public double WeightAll { get; init; } = 0.4;

    /// <summary>Weight of the cosine over the lead (title and the first <see cref="LeadWords"/> words).</summary>
    /// <value>Default: 0.15.</value>
    public double WeightLead { get; init; } = 0.15;

    /// <summary>Weight of the cosine over title tokens.</summary>
    /// <value>Default: 0.15.</value>
    public double WeightTitle { get; init; } = 0.15;

    /// <summary>Weight of the cosine over entities (names, acronyms, product tokens).</summary>
    /// <value>Default: 0.3.</value>
    public double WeightEntities { get; init; } = 0.3;

    /// <summary>The best story is joined only when the score reaches this (and the second check passes).</summary>
    /// <value>Default: 0.16.</value>
    public double JoinThreshold { get; init; } = 0.16;

    /// <summary>Documents with at most this many distinct terms (a headline, a teaser) are judged against a lower threshold.</summary>
    /// <remarks>
    /// Short texts share few words even when they cover one event, so their cosines with a story run lower. The threshold is
    /// <see cref="JoinThreshold"/> × <see cref="ShortTextFactor"/> up to this many terms, rising linearly in log terms to the
    /// full threshold at four times as many.
    /// </remarks>
    /// <value>Default: 12 terms.</value>
    public int ShortTextTerms { get; init; } = 12;

    /// <summary>The share of <see cref="JoinThreshold"/> a short document must reach (see <see cref="ShortTextTerms"/>).</summary>
    /// <value>Default: 0.7.</value>
    public double ShortTextFactor { get; init; } = 0.7;

    /// <summary>A score at or above this joins without the second check's evidence requirement.</summary>
    /// <value>Default: 0.45.</value>
    public double StrongThreshold { get; init; } = 0.45;

    /// <summary>Second check: distinctive entities the document must share with the story (or see <see cref="MinSharedTitleTerms"/>).</summary>
    /// <value>Default: 1.</value>
    public int MinSharedEntities { get; init; } = 1;

    /// <summary>Second check: distinctive title terms shared with the story's titles that also pass it.</summary>
    /// <value>Default: 2.</value>
    public int MinSharedTitleTerms { get; init; } = 2;

    /// <summary>A shared key counts as distinctive evidence only when its IDF is at least this share of the largest IDF.</summary>
    /// <value>Default: 0.4.</value>
    public double DistinctiveIdfShare { get; init; } = 0.4;

    /// <summary>Words of the text that make up the lead sub-vector.</summary>
    /// <value>Default: 60.</value>
    public int LeadWords { get; init; } = 60;

    /// <summary>Words of the text read at most: news puts the event first, and it bounds the cost of a long article.</summary>
    /// <value>Default: 500.</value>
    public int MaxWords { get; init; } = 500;

    /// <summary>Most terms a story keeps per sub-vector; the weakest are dropped (drift control and bounded cost).</summary>
    /// <value>Default: 300.</value>
    public int CentroidCap { get; init; } = 300;

    /// <summary>Top terms (plus up to as many entities) under which a story is indexed for candidate lookup.</summary>
    /// <value>Default: 40.</value>
    public int IndexTermsPerStory { get; init; } = 40;

    /// <summary>Top terms and entities of a document used to look up candidate stories.</summary>
    /// <value>Default: 20.</value>
    public int QueryTerms { get; init; } = 20;

    /// <summary>Most candidate stories scored per document.</summary>
    /// <value>Default: 10.</value>
    public int MaxCandidates { get; init; } = 10;

    /// <summary>A term indexed under more active stories than this is too common to find candidates and is skipped.</summary>
    /// <value>Default: 400.</value>
    public int MaxPostings { get; init; } = 400;

    /// <summary>Most active stories; beyond it the least recently joined leave the pool (streams without dates).</summary>
    /// <value>Default: 20,000.</value>
    public int MaxActiveStories { get; init; } = 20_000;

    /// <summary>The term table is pruned of keys no active story holds once it has more than this many keys (and twice as many as after the last pruning).</summary>
    /// <remarks>Bounds memory by the active window on an endless stream; a forgotten key that comes back starts a fresh story frequency.</remarks>
    /// <value>Default: 100,000.</value>
    public int TermTableFloor { get; init; } = 100_000;

    /// <summary>IDF smoothing: the stream is treated as if this many earlier stories contained none of the terms.</summary>
    /// <value>Default: 50.</value>
    public double IdfPriorStories { get; init; } = 50;

    /// <summary>Key details a story keeps: its strongest distinctive entities (weight × IDF).</summary>
    /// <remarks>
    /// Two events of one kind (two jewel heists in one city, two Watergate figures' deaths) share the topic's words and even
    /// names, but not their strongest ones. When the document's strongest distinctive entity is nowhere in the story and the
    /// story's strongest is nowhere in the document, the score is multiplied by <see cref="DetailConflictFactor"/>; when the
    /// document's strongest is among the story's key details, by <see cref="DetailAgreeFactor"/>. Two stories merge at full
    /// similarity only when one's strongest is among the other's key details.
    /// </remarks>
    /// <value>Default: 3.</value>
    public int DetailEntities { get; init; } = 3;

    /// <summary>Score factor when the document's key details and the story's are disjoint (see <see cref="DetailEntities"/>).</summary>
    /// <value>Default: 0.5.</value>
    public double DetailConflictFactor { get; init; } = 0.5;

    /// <summary>Score factor when the document's strongest detail is one of the story's (see <see cref="DetailEntities"/>).</summary>
    /// <value>Default: 1.</value>
    public double DetailAgreeFactor { get; init; } = 1;

    /// <summary>Documents with fewer distinct terms than this are not compared on key details (a headline leaves most out).</summary>
    /// <value>Default: 48.</value>
    public int DetailMinTerms { get; init; } = 48;

    /// <summary>Two stories merge (the later into the earlier) when an article would join both and their sums are this alike.</summary>
    /// <remarks>
    /// Online: the merge happens when the bridging article arrives; 0 switches merging off. Stories of headlines only are held to
    /// a lower bar (<see cref="MergeShortFactor"/>): two full-text stories of one kind of event (two patches, two games) are as
    /// alike as two headline stories of one event, and grow more alike as each gathers the topic's words (0.28 to 0.41 in
    /// ECB+'s confusable pairs), while one event's full-text stories seldom split once a young story must share its lead name.
    /// </remarks>
    /// <value>Default: 0.5.</value>
    public double MergeThreshold { get; init; } = 0.5;

    /// <summary>The share of <see cref="MergeThreshold"/> two headline-only stories must reach (judged by the longer story's mean distinct terms per article, as <see cref="ShortTextTerms"/>).</summary>
    /// <value>Default: 0.168 (a bar of 0.084 for headlines).</value>
    public double MergeShortFactor { get; init; } = 0.168;

    /// <summary>Stories of at most this many articles must have their strongest name in the document (else the score takes the conflict factor).</summary>
    /// <remarks>
    /// A story of one article is just a document: a second article of the same event names what the first leads with, while one of
    /// the same kind of event (the next patch, the next game) shares the topic's names but not that one. The score takes
    /// <see cref="DetailConflictFactor"/> when it is missing. 0 switches the check off.
    /// </remarks>
    /// <value>Default: 1.</value>
    public int YoungStoryArticles { get; init; } = 1;

    /// <summary>The headline merge bar's factor (<see cref="MergeShortFactor"/>) is multiplied by this once a second article bridges the same two stories.</summary>
    /// <remarks>
    /// Every article that fits two stories is evidence they are one; two headline stories of one event keep being bridged while
    /// their sums stay below the bar (few shared words per headline). Full-text stories keep their bar: two events of one kind are
    /// bridged again and again too (ECB+'s confusable pairs). 1 switches it off.
    /// </remarks>
    /// <value>Default: 0.8.</value>
    public double RepeatBridgeFactor { get; init; } = 0.8;

    /// <summary>A headline-length document its best story turned away joins it anyway when this many of the story's latest headlines are each close to it.</summary>
    /// <remarks>The sum of a big story of headlines is diffuse, so one headline's cosine with it runs low; closeness to several members one by one does not fade. 0 switches it off.</remarks>
    /// <value>Default: 2.</value>
    public int CloseHeadlines { get; init; } = 2;

    /// <summary>The title cosine at which a member headline counts as close (see <see cref="CloseHeadlines"/>).</summary>
    /// <value>Default: 0.3.</value>
    public double CloseHeadlineCosine { get; init; } = 0.3;

    /// <summary>Headline-length members whose title vectors a story keeps for <see cref="CloseHeadlines"/>.</summary>
    /// <value>Default: 32.</value>
    public int HeadlinesKept { get; init; } = 32;

    /// <summary>Once at least as many articles have bridged two headline stories as the smaller one holds, the headline merge bar's factor is this ÷ the number of bridges (at most <see cref="RepeatBridgeFactor"/>).</summary>
    /// <remarks>
    /// Two headline stories of one event keep being bridged by its new headlines while their sums share few words (a compound
    /// written two ways, a name and its nickname): a small story that articles of a big one fit again and again is part of it.
    /// A big story bridged now and then to another story of some size is not (two stories that share a topic word). Full-text
    /// bars do not move. 0 switches it off.
    /// </remarks>
    /// <value>Default: 1.4 (three bridges: 0.47 of the one-bridge bar, five: 0.28).</value>
    public double BridgeEvidence { get; init; } = 1.4;

    /// <summary>In a document with a title and no text, the parts of a hyphenated compound count as words too (Fannie-Freddie: fannie, freddie).</summary>
    /// <remarks>
    /// A headline has few words to share, and one event's names come both ways (Fannie-Freddie, Fannie and Freddie;
    /// Johnson-Crapo, Crapo-Johnson). Documents with text keep compounds whole: their other words carry the match.
    /// </remarks>
    /// <value>Default: true.</value>
    public bool HeadlineCompoundParts { get; init; } = true;

    /// <summary>Whether the years the texts name keep apart stories of one kind of event told years apart, when publication times are missing.</summary>
    /// <remarks>
    /// A document whose lead (title and first <see cref="LeadWords"/> words) names a year, and that two stories would both take, joins
    /// the runner-up when the runner-up names that year and the best story names years but all earlier ones; two stories of which one's
    /// leads name a year later than any the other names merge only at <see cref="DetailConflictFactor"/> × their similarity. A story
    /// that names no year is never judged by years: older reports seldom name their own year. Only full-text documents and stories
    /// (at least <see cref="DetailMinTerms"/> distinct terms, per article for a story) are judged: a headline's year names a season or a
    /// fiscal quarter more often than its date.
    /// </remarks>
    /// <value>Default: true.</value>
    public bool YearOrder { get; init; } = true;
}
