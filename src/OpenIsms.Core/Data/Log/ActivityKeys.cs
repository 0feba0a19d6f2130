using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenIsms.Core.Data.Log;

/// <summary>Where the activity log's secrets and anchors live: outside the database, by default in the data folder.</summary>
public sealed class ActivityKeyOptions
{
    /// <summary>The key file: the chain's HMAC keys and the checkpoints' signing keys, newest last.</summary>
    public required string KeyFile { get; init; }

    /// <summary>The checkpoints: signed heads of the chain, one JSON line each, appended.</summary>
    public required string CheckpointFile { get; init; }

    /// <summary>How often a node writes a checkpoint when the log has grown since its last one.</summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// One generation of the log's keys: an HMAC-SHA-256 key for the chain and an ECDSA P-256 key that signs checkpoints
/// (so anyone holding the public key can check a checkpoint without being able to forge one). Its id is derived from
/// the HMAC key, so two nodes that each made a key of their own can never be mistaken for each other.
/// </summary>
public sealed class ActivityKey : IDisposable
{
    private ActivityKey(byte[] hmac, ECDsa signing, DateTime created)
    {
        Hmac = hmac;
        Signing = signing;
        Created = created;
        Id = IdOf(hmac);
        PublicKey = Convert.ToBase64String(signing.ExportSubjectPublicKeyInfo());
    }

    public string Id { get; }

    public byte[] Hmac { get; }

    public ECDsa Signing { get; }

    public DateTime Created { get; }

    /// <summary>The checkpoints' public key (SubjectPublicKeyInfo, base64: the body of a PEM "PUBLIC KEY").</summary>
    public string PublicKey { get; }

    public static string IdOf(byte[] hmac) => Convert.ToHexStringLower(SHA256.HashData(hmac))[..16];

    public static ActivityKey New(DateTime now) => new(RandomNumberGenerator.GetBytes(32), ECDsa.Create(ECCurve.NamedCurves.nistP256), now);

    internal static ActivityKey From(StoredKey stored)
    {
        var signing = ECDsa.Create();
        signing.ImportPkcs8PrivateKey(Convert.FromBase64String(stored.Signing), out _);
        return new ActivityKey(Convert.FromBase64String(stored.Hmac), signing, stored.Created);
    }

    internal StoredKey ToStored() => new(Id, Created, Convert.ToBase64String(Hmac), Convert.ToBase64String(Signing.ExportPkcs8PrivateKey()));

    public void Dispose() => Signing.Dispose();

    internal sealed record StoredKey(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("created")] DateTime Created,
        [property: JsonPropertyName("hmac")] string Hmac,
        [property: JsonPropertyName("signing")] string Signing);
}

/// <summary>
/// The log's keys, read from the key file (created, readable by the app's user only, when there is none). Entries name
/// the key they were written with, so after a rotation the old keys stay in the file and old entries stay verifiable.
/// </summary>
public sealed class ActivityKeyRing : IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
    private readonly object gate = new();
    private DateTime readAt;
    private List<ActivityKey> keys;

    private ActivityKeyRing(List<ActivityKey> keys, string? file)
    {
        this.keys = keys;
        File = file;
    }

    /// <summary>The key file this ring was read from; null for a ring that exists only in memory.</summary>
    public string? File { get; }

    /// <summary>Set when the file was created at start-up: a key the operator must now back up.</summary>
    public bool Created { get; private init; }

    public ActivityKey Current
    {
        get
        {
            lock (gate)
            {
                return keys[^1];
            }
        }
    }

    public IReadOnlyList<ActivityKey> All
    {
        get
        {
            lock (gate)
            {
                return [.. keys];
            }
        }
    }

    /// <summary>The key with this id; a key another process added since (a rotation) is read from the file on first use.</summary>
    public ActivityKey? Find(string id)
    {
        lock (gate)
        {
            if (keys.FirstOrDefault(k => k.Id == id) is { } known)
            {
                return known;
            }

            // Read again only when the file changed since (a rotation on another node): an unknown id in a forged entry
            // costs no file read per entry.
            if (File is not null && System.IO.File.Exists(File) && System.IO.File.GetLastWriteTimeUtc(File) is var written && written != readAt)
            {
                readAt = written;
                var fresh = Read(File);
                foreach (var key in fresh.Where(f => keys.All(k => k.Id != f.Id)))
                {
                    keys.Insert(keys.Count - 1, key);
                }
            }

            return keys.FirstOrDefault(k => k.Id == id);
        }
    }

    /// <summary>Reads the key file, or creates it with a first key when there is none.</summary>
    public static ActivityKeyRing Open(string file, TimeProvider clock)
    {
        if (System.IO.File.Exists(file))
        {
            return new ActivityKeyRing(Read(file), file);
        }

        var ring = new ActivityKeyRing([ActivityKey.New(clock.GetUtcNow().UtcDateTime)], file) { Created = true };
        ring.Save();
        return ring;
    }

    /// <summary>A ring that lives only in memory, for tools that never write the log (design-time migrations).</summary>
    public static ActivityKeyRing Ephemeral() => new([ActivityKey.New(DateTime.UnixEpoch)], null);

    /// <summary>Adds a new key, which signs from now on; the older keys stay to verify what they signed.</summary>
    public ActivityKey Rotate(TimeProvider clock)
    {
        lock (gate)
        {
            var fresh = ActivityKey.New(clock.GetUtcNow().UtcDateTime);
            keys = [.. Read(File ?? throw new InvalidOperationException("An in-memory key ring cannot be rotated.")), fresh];
            Save();
            return fresh;
        }
    }

    private static List<ActivityKey> Read(string file)
    {
        var stored = JsonSerializer.Deserialize<StoredRing>(System.IO.File.ReadAllText(file), Json);
        if (stored?.Keys is not { Count: > 0 } list)
        {
            throw new InvalidOperationException($"The activity key file {file} holds no keys.");
        }

        return [.. list.Select(ActivityKey.From)];
    }

    private void Save()
    {
        var file = File!;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        var temporary = file + ".tmp";
        var text = JsonSerializer.Serialize(new StoredRing(keys.Select(k => k.ToStored()).ToList()), Json);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Readable and writable by the app's own user only: whoever can read the database cannot read its keys.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(text);
        }

        System.IO.File.Move(temporary, file, overwrite: true);
    }

    public void Dispose()
    {
        foreach (var key in keys)
        {
            key.Dispose();
        }
    }

    private sealed record StoredRing([property: JsonPropertyName("keys")] List<ActivityKey.StoredKey> Keys);
}
