using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using OpenIsms.Core.Activity;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data.Log;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Data;

/// <summary>
/// The one DbContext. It names no feature type: slices use <c>db.Set&lt;T&gt;()</c> and their
/// configurations are found by assembly scan. Saving stamps versions and writes the activity log
/// in the same transaction.
/// </summary>
public class OpenIsmsDbContext(DbContextOptions<OpenIsmsDbContext> options, ICurrentUser user, Clock clock, ActivityKeyRing keys)
    : IdentityDbContext<AppUser>(options)
{
    private const string PostgresProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    // One writer at a time appends to the chain within this process; across processes PostgreSQL's
    // advisory lock serialises, and SQLite refuses a second writer working from a stale snapshot.
    private static readonly SemaphoreSlim ChainLock = new(1, 1);

    private readonly List<ActivityRecorder.Pending> events = [];

    public ICurrentUser CurrentUser => user;

    public Clock Clock => clock;

    /// <summary>The activity log's keys (outside the database): the chain is keyed with the current one.</summary>
    public ActivityKeyRing ActivityKeys => keys;

    public bool IsPostgres => Database.ProviderName == PostgresProvider;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(OpenIsmsDbContext).Assembly);
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(Entity).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(type.ClrType).Property(nameof(Entity.Version)).IsConcurrencyToken();
            builder.Entity(type.ClrType).Property(nameof(Entity.UpdatedBy)).HasMaxLength(256);
        }

        builder.Entity<AppUser>().Property(u => u.DisplayName).HasMaxLength(200);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Times are stored and read back as UTC on both providers.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    /// <summary>
    /// Records something that changes no record but that an auditor must see — a download of evidence, an integrity
    /// check — in the activity log with the next save.
    /// </summary>
    public void RecordEvent(string entityType, Guid entityId, string action, object details) =>
        events.Add(new()
        {
            EntityType = entityType,
            EntityId = entityId.ToString(),
            Action = action,
            Before = null,
            After = System.Text.Json.JsonSerializer.Serialize(details),
        });

    /// <summary>Records a record's present state as its baseline (once, for records from before states were logged).</summary>
    internal void RecordBaseline(string entityType, string entityId, string stateHash) =>
        events.Add(new() { EntityType = entityType, EntityId = entityId, Action = ActivityActions.Baselined, Before = null, After = null, StateHash = stateHash });

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: saving writes the activity log asynchronously.");

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Nothing the log records (an import's upload, say): no lock, no entry.
        if (events.Count == 0 && !ActivityRecorder.HasChanges(ChangeTracker))
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        for (var attempt = 1; ; attempt++)
        {
            await ChainLock.WaitAsync(cancellationToken);
            List<ActivityEntry> entries = [];
            try
            {
                await using var ownTransaction = Database.CurrentTransaction is null
                    ? await Database.BeginTransactionAsync(cancellationToken)
                    : null;
                if (IsPostgres)
                {
                    await Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(727001)", cancellationToken);
                }

                // Inside the lock: automatic identifiers are final now, and nobody else can take the same one.
                await AssignReferences(cancellationToken);
                var now = ActivityRecorder.Truncate(clock.UtcNow);
                ActivityRecorder.Stamp(ChangeTracker, now, user);
                var pending = ActivityRecorder.Capture(ChangeTracker);
                pending.AddRange(events);
                var last = await Set<ActivityEntry>().AsNoTracking().OrderByDescending(e => e.Sequence)
                    .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
                entries = ActivityRecorder.Chain(pending, last?.Sequence ?? 0, last?.Hash ?? ActivityHash.Genesis, now, user, keys.Current);
                Set<ActivityEntry>().AddRange(entries);
                var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                if (ownTransaction is not null)
                {
                    await ownTransaction.CommitAsync(cancellationToken);
                }

                events.Clear();
                return count;
            }
            catch (DbUpdateException ex) when (attempt < 3 && Database.CurrentTransaction is null && Constraints.IsUniqueViolation(ex) && HasAutomaticReferences())
            {
                // Another process took the number (a second SQLite process, say): the rolled-back save numbers again.
                Forget(entries);
            }
            catch
            {
                Forget(entries);
                throw;
            }
            finally
            {
                ChainLock.Release();
            }
        }
    }

    /// <summary>A failed save leaves its would-be log entries tracked; they must not be saved with the next attempt.</summary>
    private void Forget(List<ActivityEntry> entries)
    {
        foreach (var entry in entries)
        {
            Entry(entry).State = EntityState.Detached;
        }
    }

    private bool HasAutomaticReferences() =>
        ChangeTracker.Entries().Any(e => e.State == EntityState.Added && e.Entity is IAutoNumbered { NumberedAutomatically: true });

    /// <summary>
    /// Gives each new record that asked for an automatic identifier the next free number of its prefix: one more than
    /// the highest in the database or among the identifiers typed into this same save.
    /// </summary>
    private async Task AssignReferences(CancellationToken ct)
    {
        var added = ChangeTracker.Entries().Where(e => e.State == EntityState.Added && e.Entity is IAutoNumbered).ToList();
        foreach (var group in added.Where(e => ((IAutoNumbered)e.Entity).NumberedAutomatically).GroupBy(e => (e.Metadata.ClrType, ((IAutoNumbered)e.Entity).ReferencePrefix)))
        {
            var (type, prefix) = group.Key;
            var query = (IQueryable<string>)typeof(OpenIsmsDbContext).GetMethod(nameof(ReferencesOf), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(type).Invoke(this, null)!;
            var highest = await References.Highest(query, prefix, ct);
            foreach (var typed in added.Where(e => e.Metadata.ClrType == type).Select(e => (IAutoNumbered)e.Entity).Where(a => !a.NumberedAutomatically))
            {
                if (typed.Reference.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(typed.Reference.AsSpan(prefix.Length), out var n))
                {
                    highest = Math.Max(highest, n);
                }
            }

            foreach (var entry in group)
            {
                ((IAutoNumbered)entry.Entity).Renumber($"{prefix}{++highest:000}");
            }
        }
    }

    private IQueryable<string> ReferencesOf<T>()
        where T : class => Set<T>().AsNoTracking().Select(e => EF.Property<string>(e, nameof(IAutoNumbered.Reference)));

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
