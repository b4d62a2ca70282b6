namespace Lede.Decide;

/// <summary>What an editor did to an article.</summary>
public enum EditorAction
{
    /// <summary>Published it.</summary>
    Publish,

    /// <summary>Took it off the published list (it may come back).</summary>
    Unpublish,

    /// <summary>Turned it down for good, with a reason.</summary>
    Reject,
}
