using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using OpenIsms.Core.Activity;
using OpenIsms.Core.Common;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Data;

/// <summary>
/// The one DbContext. It names no feature type: slices use <c>db.Set&lt;T&gt;()</c> and their
/// configurations are found by assembly scan. Saving stamps versions and writes the activity log
/// in the same transaction.
/// </summary>
public class OpenIsmsDbContext(DbContextOptions<OpenIsmsDbContext> options, ICurrentUser user, TimeProvider clock, ActivityKeyRing keys)
    : IdentityDbContext<AppUser>(options)
{
    private const string PostgresProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    // One writer at a time appends to the chain within this process; across processes PostgreSQL's
    // advisory lock serialises, and SQLite refuses a second writer working from a stale snapshot.
    private static readonly SemaphoreSlim ChainLock = new(1, 1);

    private readonly List<ActivityRecorder.Pending> events = [];

    public ICurrentUser CurrentUser => user;

    public TimeProvider Clock => clock;

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
        events.Add(new(entityType, entityId.ToString(), action, null, System.Text.Json.JsonSerializer.Serialize(details)));

    /// <summary>Records a record's present state as its baseline (once, for records from before states were logged).</summary>
    internal void RecordBaseline(string entityType, string entityId, string stateHash) =>
        events.Add(new(entityType, entityId, ActivityActions.Baselined, null, null, stateHash));

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: saving writes the activity log asynchronously.");

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var now = ActivityRecorder.Truncate(clock.GetUtcNow().UtcDateTime);
        ActivityRecorder.Stamp(ChangeTracker, now, user);
        var pending = ActivityRecorder.Capture(ChangeTracker);
        pending.AddRange(events);
        events.Clear();
        if (pending.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        await ChainLock.WaitAsync(cancellationToken);
        try
        {
            await using var ownTransaction = Database.CurrentTransaction is null
                ? await Database.BeginTransactionAsync(cancellationToken)
                : null;
            if (IsPostgres)
            {
                await Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(727001)", cancellationToken);
            }

            var last = await Set<ActivityEntry>().AsNoTracking().OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
            var entries = ActivityRecorder.Chain(pending, last?.Sequence ?? 0, last?.Hash ?? ActivityHash.Genesis, now, user, keys.Current);
            Set<ActivityEntry>().AddRange(entries);
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return count;
        }
        finally
        {
            ChainLock.Release();
        }
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
