namespace Lede.Cluster;

/// <summary>The sub-vectors a document and a story are compared on.</summary>
internal enum StoryField
{
    All = 0,
    Lead = 1,
    Title = 2,
    Entities = 3,
}
