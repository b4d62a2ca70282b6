namespace Lede.Records;

/// <summary>How an export names its files.</summary>
public enum ExportLayout
{
    /// <summary><c>NNN_&lt;id&gt;.txt</c>, as in spec/records.</summary>
    Numbered,
    /// <summary>A Jekyll collection, <c>_news/YYYY-MM-DD-&lt;slug&gt;.md</c>.</summary>
    Jekyll,
}
