using System.Diagnostics;

namespace PaperBot.EndToEnd.Harness;

/// <summary>
/// A size-limited tmpfs mounted over a folder, so the process really meets ENOSPC; <see cref="Fill"/> takes the
/// free space, <see cref="Free"/> gives it back. Needs the right to mount (root in a container with CAP_SYS_ADMIN).
/// </summary>
public sealed class SmallDisk : IDisposable
{
    private static readonly Lazy<string?> Unavailable = new(Probe);
    private readonly string _folder;
    private string Filler => Path.Combine(_folder, "filler.bin");

    private SmallDisk(string folder) => _folder = folder;

    /// <summary>Why a small disk cannot be mounted here, or null when it can.</summary>
    public static string? WhyUnavailable => Unavailable.Value;

    public static SmallDisk MountOver(string folder, int megabytes)
    {
        Directory.CreateDirectory(folder);
        if (Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", folder) is { } error) throw new InvalidOperationException(error);
        return new SmallDisk(folder);
    }

    /// <summary>Writes until the file system is full.</summary>
    public void Fill()
    {
        var block = new byte[1 << 16];
        using var file = new FileStream(Filler, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        try
        {
            while (true) file.Write(block);
        }
        catch (IOException)
        {
            // ENOSPC: full.
        }
    }

    public void Free() => File.Delete(Filler);

    public void Dispose() => Run("umount", "-l", _folder);

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux()) return "a tmpfs mount needs Linux";
        var probe = Path.Combine(Path.GetTempPath(), "paperbot-e2e", "mount-probe-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(probe);
        try
        {
            if (Run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", probe) is { } error) return "cannot mount a tmpfs here: " + error;
            Run("umount", probe);
            return null;
        }
        finally
        {
            Directory.Delete(probe);
        }
    }

    private static string? Run(string file, params string[] args)
    {
        try
        {
            var info = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in args) info.ArgumentList.Add(a);
            using var p = Process.Start(info)!;
            var err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            return p.ExitCode == 0 ? null : err.Trim();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return e.Message;
        }
    }
}

/// <summary>A fact that is skipped, saying why, where no small file system can be mounted.</summary>
public sealed class SmallDiskFactAttribute : FactAttribute
{
    public SmallDiskFactAttribute()
    {
        if (SmallDisk.WhyUnavailable is { } why) Skip = why;
    }
}
