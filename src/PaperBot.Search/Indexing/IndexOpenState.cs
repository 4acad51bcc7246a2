namespace PaperBot.Search.Indexing;

/// <summary>What <see cref="SearchIndex.Open"/> found on disk; anything but <see cref="Current"/> means the index starts empty and must be rebuilt.</summary>
public enum IndexOpenState
{
    Current,
    Missing,
    OldVersion,
    Corrupt,
}
