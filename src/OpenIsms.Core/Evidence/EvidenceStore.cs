using System.Security.Cryptography;

namespace OpenIsms.Core.Evidence;

/// <summary>Where evidence files live and how large one may be.</summary>
public sealed class EvidenceStoreOptions
{
    public string Folder { get; set; } = "data/evidence";

    public long MaxFileBytes { get; set; } = 100L * 1024 * 1024;
}

/// <summary>The one blob-store interface: content-addressed by SHA-256, so the same file is kept once.</summary>
public interface IEvidenceStore
{
    /// <summary>Streams the content to a temporary file, hashing as it goes; nothing is kept until the write is committed.</summary>
    Task<BlobWrite> Write(Stream content, long maxBytes, CancellationToken ct = default);

    Stream? Open(string sha256);

    /// <summary>Hashes the stored file again: its actual hash, or null when it is missing.</summary>
    Task<string?> Rehash(string sha256, CancellationToken ct = default);

    /// <summary>Removes a file no record refers to any more (an expired Stage 1 pack); a missing file is no error.</summary>
    void Delete(string sha256);
}

/// <summary>A file streamed to the store's temporary folder: its hash, size and first bytes, or the reason it was refused.</summary>
public sealed class BlobWrite(string? tempPath, string sha256, long size, byte[] head, bool tooLarge, Action<BlobWrite>? commit) : IDisposable
{
    public string Sha256 { get; } = sha256;

    public long Size { get; } = size;

    /// <summary>The first bytes, for checking what the file really is.</summary>
    public byte[] Head { get; } = head;

    public bool TooLarge { get; } = tooLarge;

    internal string? TempPath { get; private set; } = tempPath;

    /// <summary>The whole written file, for inspections that look past the first bytes.</summary>
    public Stream OpenRead() => new FileStream(TempPath ?? throw new InvalidOperationException("The file was refused or already stored."),
        FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan);

    public void Commit()
    {
        commit?.Invoke(this);
        TempPath = null;
    }

    public void Dispose()
    {
        if (TempPath is not null && File.Exists(TempPath))
        {
            File.Delete(TempPath);
        }

        TempPath = null;
    }
}

/// <summary>Files on disk under <c>ab/abcdef…</c>, beside the database (or on a volume the web nodes share).</summary>
public sealed class FileEvidenceStore(EvidenceStoreOptions options) : IEvidenceStore
{
    public const int HeadBytes = 4096;

    private string Root => Path.GetFullPath(options.Folder);

    public async Task<BlobWrite> Write(Stream content, long maxBytes, CancellationToken ct = default)
    {
        var temp = Path.Combine(Root, "incoming");
        Directory.CreateDirectory(temp);
        var path = Path.Combine(temp, Guid.NewGuid().ToString("N"));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        var head = new MemoryStream();
        long size = 0;
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                size += read;
                if (size > maxBytes)
                {
                    file.Close();
                    File.Delete(path);
                    return new BlobWrite(null, "", size, head.ToArray(), tooLarge: true, null);
                }

                if (head.Length < HeadBytes)
                {
                    head.Write(buffer, 0, (int)Math.Min(read, HeadBytes - head.Length));
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        catch
        {
            // An upload cut off half-way (the client went away) leaves no partial file behind.
            File.Delete(path);
            throw;
        }

        var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
        return new BlobWrite(path, sha, size, head.ToArray(), tooLarge: false, Commit);
    }

    public Stream? Open(string sha256)
    {
        var path = PathOf(sha256);
        return path is not null && File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan) : null;
    }

    public async Task<string?> Rehash(string sha256, CancellationToken ct = default)
    {
        await using var stream = Open(sha256);
        if (stream is null)
        {
            return null;
        }

        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }

    public void Delete(string sha256)
    {
        if (PathOf(sha256) is { } path && File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private void Commit(BlobWrite write)
    {
        var target = PathOf(write.Sha256)!;
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target))
        {
            // Same content already kept: the new copy is not needed.
            File.Delete(write.TempPath!);
            return;
        }

        try
        {
            File.Move(write.TempPath!, target);
        }
        catch (IOException) when (File.Exists(target))
        {
            // The same content arrived twice at once: the other upload stored it first.
            File.Delete(write.TempPath!);
        }
    }

    // Only a 64-character hex string names a file, so no stored value can point outside the store.
    private string? PathOf(string sha256) =>
        sha256.Length == 64 && sha256.All(Uri.IsHexDigit) ? Path.Combine(Root, sha256[..2], sha256.ToLowerInvariant()) : null;
}
