namespace PaperBot.Core.Storage;

/// <summary>The database cannot be used: locked by another process, corrupted, or from a newer version.
/// The message names the file and what to do; callers show it instead of a stack trace.</summary>
public sealed class StorageException(string message, Exception? inner = null) : Exception(message, inner);
