namespace SendPipeline.Core.Reading;

/// <summary>
/// The only place pupil data touches local disk outside the store: the spooled copy of a workbook, the
/// canonical copy written during validation, a portal upload on its way into the store. A shared temp
/// folder is readable by every user of the machine and keeps whatever a killed process left there, so:
/// <list type="bullet">
/// <item>the base folder, <c>{temp}/sendpipeline-{user}</c>, is created owner-only (0700) and put back
/// to 0700 if it was loosened; one that cannot be made so is refused with a clear message;</item>
/// <item>each process works in its own <c>run-*</c> folder inside it (0700), holding an exclusive lock
/// on its <c>.lock</c> file for as long as it lives;</item>
/// <item>on start, every <c>run-*</c> folder whose lock can be taken belongs to a process that has died
/// (a lock dies with its process, even on <c>kill -9</c>) and is deleted with whatever it holds.</item>
/// </list>
/// This is disk I/O in Core on purpose: the validator that must spool a workbook lives here.
/// </summary>
public sealed class PrivateTemp : IDisposable
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private const string RunPrefix = "run-", LockName = ".lock";

    private static readonly Lazy<PrivateTemp> Shared = new(() =>
    {
        var temp = Open(DefaultBase());
        AppDomain.CurrentDomain.ProcessExit += (_, _) => temp.Dispose();
        return temp;
    });

    private readonly FileStream _lock;

    private PrivateTemp(string baseFolder, string folder, FileStream lockFile, int leftoversRemoved) =>
        (BaseFolder, Folder, _lock, LeftoversRemoved) = (baseFolder, folder, lockFile, leftoversRemoved);

    /// <summary>This process's private folder, created (and leftovers of dead processes removed) on first use.</summary>
    public static PrivateTemp Current => Shared.Value;

    /// <summary><c>{temp}/sendpipeline-{user}</c>: per user, so two users of one machine never share it.</summary>
    public static string DefaultBase()
    {
        var user = new string([.. Environment.UserName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]);
        return Path.Combine(Path.GetTempPath(), "sendpipeline-" + (user.Length == 0 ? "user" : user));
    }

    public string BaseFolder { get; }

    /// <summary>The folder this process writes in.</summary>
    public string Folder { get; }

    /// <summary>How many folders of dead processes were removed when this one opened.</summary>
    public int LeftoversRemoved { get; }

    /// <summary>A fresh, unused path in <see cref="Folder"/>; the caller creates and deletes the file.</summary>
    public string NewFile(string extension) => Path.Combine(Folder, Guid.NewGuid().ToString("N") + extension);

    /// <summary>A new private file, read and written, that deletes itself when closed.</summary>
    public FileStream NewScratch(string extension) => new(NewFile(extension), FileMode.CreateNew, FileAccess.ReadWrite,
        FileShare.None, 1 << 16, FileOptions.DeleteOnClose);

    /// <summary>
    /// A seekable copy of a forward-only stream (a zip or a workbook needs seeking, and uploads arrive as streams),
    /// in a private scratch file, so memory stays flat however large the upload. <paramref name="source"/> is
    /// disposed. Null when the copy would pass <paramref name="maxBytes"/>: the caller says so in its own words.
    /// </summary>
    public FileStream? Spool(Stream source, string extension, long maxBytes = long.MaxValue)
    {
        var file = NewScratch(extension);
        try
        {
            var buffer = new byte[1 << 16];
            int read;
            while ((read = source.Read(buffer)) > 0)
            {
                file.Write(buffer, 0, read);
                if (file.Length <= maxBytes) continue;
                file.Dispose();
                return null;
            }
            file.Position = 0;
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
        finally
        {
            source.Dispose();
        }
    }

    /// <summary>Makes <paramref name="baseFolder"/> private, clears what dead processes left, and opens a folder for this one.</summary>
    public static PrivateTemp Open(string baseFolder)
    {
        baseFolder = Path.GetFullPath(baseFolder);
        CreatePrivate(baseFolder);
        var removed = RemoveLeftovers(baseFolder);
        var folder = Path.Combine(baseFolder, $"{RunPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        CreatePrivate(folder);
        var lockFile = new FileStream(Path.Combine(folder, LockName), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        return new PrivateTemp(baseFolder, folder, lockFile, removed);
    }

    /// <summary>Deletes every <c>run-*</c> folder no living process holds; returns how many.</summary>
    public static int RemoveLeftovers(string baseFolder)
    {
        var removed = 0;
        foreach (var run in new DirectoryInfo(baseFolder).EnumerateDirectories(RunPrefix + "*"))
        {
            // Never follow a link out of the folder.
            if (run.LinkTarget is not null) continue;
            try
            {
                // FileShare.None is an exclusive flock on Unix and a sharing lock on Windows: it fails while the owner lives.
                using (new FileStream(Path.Combine(run.FullName, LockName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)) { }
                run.Delete(recursive: true);
                removed++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A live process's folder, or one being removed by another starting process.
            }
        }
        return removed;
    }

    private static void CreatePrivate(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            // %TEMP% is already per user on Windows.
            Directory.CreateDirectory(folder);
            return;
        }
        var info = Directory.CreateDirectory(folder, OwnerOnly);
        if (info.LinkTarget is not null)
            throw new IOException($"The temporary folder '{folder}' is a link; remove it so SendPipeline can make a private one.");
        if (File.GetUnixFileMode(folder) == OwnerOnly) return;
        try
        {
            File.SetUnixFileMode(folder, OwnerOnly);
        }
        catch (UnauthorizedAccessException)
        {
            throw new IOException($"The temporary folder '{folder}' belongs to another user; remove it so SendPipeline can make a private one.");
        }
    }

    public void Dispose()
    {
        _lock.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next start to remove.
        }
    }
}
