namespace PaperBot.Host.Admin;

/// <summary>
/// The admin route's Unix domain socket, beside the database in the data folder: only processes on this machine that can
/// open the data folder reach it, and the file is made owner-only (0600) once Kestrel has bound it.
/// </summary>
public static class AdminSocket
{
    /// <summary>Unix socket paths are limited to 107 bytes (sun_path).</summary>
    public const int MaxPathLength = 107;

    public static string PathFor(string databasePath) => databasePath + ".admin.sock";

    /// <summary>The Kestrel listen URL of the socket.</summary>
    public static string UrlFor(string socketPath) => "http://unix:" + socketPath;

    /// <summary>A socket file left by a service that did not stop cleanly would block the bind. Call it only while
    /// holding the database lock: then no other service can be listening on it.</summary>
    public static void RemoveStale(string socketPath)
    {
        if (File.Exists(socketPath)) File.Delete(socketPath);
    }

    public static void RestrictToOwner(string socketPath)
    {
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(socketPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
