using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data.Log;

namespace OpenIsms.Core.Activity;

/// <summary>
/// The checkpoint file: signed heads of the chain appended one JSON line at a time. A database restored from an older
/// copy, or cut short, no longer reaches the newest checkpoint; a checkpoint edited in the file fails its signature.
/// </summary>
public sealed class ActivityCheckpointFile(ActivityKeyOptions options, ActivityKeyRing keys) : INodeMemory
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public string Path => options.CheckpointFile;

    public async Task<ActivityCheckpoint> Append(long sequence, string hash, DateTime at, CancellationToken ct)
    {
        var key = keys.Current;
        var signature = key.Signing.SignData(Encoding.UTF8.GetBytes(ActivityCheckpoint.Text(sequence, hash, at)), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        var checkpoint = new ActivityCheckpoint { Sequence = sequence, Hash = hash, At = at, KeyId = key.Id, Signature = Convert.ToBase64String(signature) };
        await Gate.WaitAsync(ct);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
            await using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
            var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(checkpoint) + "\n");
            await stream.WriteAsync(line, ct);
            stream.Flush(flushToDisk: true);
        }
        finally
        {
            Gate.Release();
        }

        return checkpoint;
    }

    /// <summary>Every checkpoint in the file, in the order written; a line that cannot be read is reported with its number.</summary>
    public async IAsyncEnumerable<(int Line, ActivityCheckpoint? Checkpoint)> Read([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        if (!File.Exists(Path))
        {
            yield break;
        }

        using var reader = new StreamReader(new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        var number = 0;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            ActivityCheckpoint? checkpoint;
            try
            {
                checkpoint = JsonSerializer.Deserialize<ActivityCheckpoint>(line);
            }
            catch (JsonException)
            {
                checkpoint = null;
            }

            yield return (number, checkpoint);
        }
    }

    private readonly object latestGate = new();
    private (long Offset, ActivityCheckpoint? Latest) verified;

    /// <summary>Forgets how far the file was read: the next <see cref="Latest"/> reads it from its start.</summary>
    public void Forget()
    {
        lock (latestGate)
        {
            verified = default;
        }
    }

    /// <summary>
    /// The newest genuine checkpoint. Lines already read are not read or verified again (the file only grows; a file
    /// that shrank is read from its start): a busy installation's years of checkpoints cost nothing per call. The full
    /// verification still reads every line.
    /// </summary>
    public async Task<ActivityCheckpoint?> Latest(CancellationToken ct = default)
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        (long Offset, ActivityCheckpoint? Latest) from;
        lock (latestGate)
        {
            from = verified;
        }

        await using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (stream.Length < from.Offset)
        {
            from = (0, null);
        }

        stream.Position = from.Offset;
        var latest = from.Latest;
        var offset = from.Offset;
        using var reader = new StreamReader(stream, Encoding.UTF8, false);
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            offset += Encoding.UTF8.GetByteCount(line) + 1;
            ActivityCheckpoint? checkpoint = null;
            try
            {
                checkpoint = line.Length == 0 ? null : JsonSerializer.Deserialize<ActivityCheckpoint>(line);
            }
            catch (JsonException)
            {
                // An unreadable line is reported by the verification.
            }

            if (checkpoint is not null && IsGenuine(checkpoint) && (latest is null || checkpoint.Sequence >= latest.Sequence))
            {
                latest = checkpoint;
            }
        }

        lock (latestGate)
        {
            verified = (offset, latest);
        }

        return latest;
    }

    /// <summary>Signed by one of the ring's keys, over exactly its own content.</summary>
    public bool IsGenuine(ActivityCheckpoint checkpoint)
    {
        var key = keys.Find(checkpoint.KeyId);
        try
        {
            return key is not null && key.Signing.VerifyData(Encoding.UTF8.GetBytes(checkpoint.Payload), Convert.FromBase64String(checkpoint.Signature),
                HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
