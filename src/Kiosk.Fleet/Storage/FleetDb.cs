using Kiosk.Fleet.Accounts;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kiosk.Fleet.Storage;

/// <summary>
/// The one model of the fleet database, shared by both providers. Each provider has its own
/// subclass (<see cref="SqliteFleetDb"/>, <see cref="PostgresFleetDb"/>) only so that each gets its
/// own generated migrations: EF migrations carry provider column types, so one model with two
/// generated migration sets keeps the schema identical in meaning and correct in type on both.
/// </summary>
public abstract class FleetDb(DbContextOptions options) : IdentityDbContext<FleetUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    /// <summary>ASP.NET Core Data Protection keys, shared by every instance (bearer tokens, cookies).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<KioskRow> Kiosks => Set<KioskRow>();

    public DbSet<EventRow> Events => Set<EventRow>();

    public DbSet<TelemetrySample> Telemetry => Set<TelemetrySample>();

    public DbSet<TelemetryRollup> TelemetryRollups => Set<TelemetryRollup>();

    public DbSet<StatusChange> StatusChanges => Set<StatusChange>();

    public DbSet<SeqGap> SeqGaps => Set<SeqGap>();

    public DbSet<AlarmRow> Alarms => Set<AlarmRow>();

    public DbSet<CommandAudit> CommandAudits => Set<CommandAudit>();

    public DbSet<WorkerAccount> Workers => Set<WorkerAccount>();

    public DbSet<LoginCode> LoginCodes => Set<LoginCode>();

    public DbSet<Revocation> Revocations => Set<Revocation>();

    public DbSet<DeadLetter> DeadLetters => Set<DeadLetter>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // SQLite hands DateTime back as Unspecified; every time here is UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.Entity<KioskRow>(e =>
        {
            e.HasKey(k => k.Id);
            e.Property(k => k.Id).HasMaxLength(64);
            e.Property(k => k.Epoch).HasMaxLength(128);
            e.Property(k => k.Version).HasMaxLength(64);
            e.Property(k => k.District).HasMaxLength(64);
            e.HasIndex(k => k.District);
        });
        builder.Entity<EventRow>(e =>
        {
            e.HasKey(x => new { x.KioskId, x.EventId });
            e.Property(x => x.KioskId).HasMaxLength(64);
            e.Property(x => x.EventId).HasMaxLength(128);
            e.Property(x => x.Type).HasMaxLength(64);
            e.Property(x => x.Sub).HasMaxLength(128);
            e.Property(x => x.Door).HasMaxLength(64);
            e.HasIndex(x => new { x.KioskId, x.Ts });
            e.HasIndex(x => new { x.KioskId, x.Seq });
            e.HasIndex(x => new { x.Type, x.Ts });
        });
        builder.Entity<TelemetrySample>(e =>
        {
            e.Property(x => x.KioskId).HasMaxLength(64);
            e.Property(x => x.Key).HasMaxLength(128);
            e.HasIndex(x => new { x.KioskId, x.Key, x.Ts });
            e.HasIndex(x => x.Ts);
        });
        builder.Entity<TelemetryRollup>(e =>
        {
            e.HasKey(x => new { x.KioskId, x.Key, x.StepSeconds, x.Bucket });
            e.Property(x => x.KioskId).HasMaxLength(64);
            e.Property(x => x.Key).HasMaxLength(128);
            e.HasIndex(x => new { x.StepSeconds, x.Bucket });
        });
        builder.Entity<StatusChange>(e =>
        {
            e.Property(x => x.KioskId).HasMaxLength(64);
            e.HasIndex(x => new { x.KioskId, x.Ts, x.Online }).IsUnique();
        });
        builder.Entity<SeqGap>(e => e.Property(x => x.KioskId).HasMaxLength(64));
        builder.Entity<AlarmRow>(e =>
        {
            e.Property(x => x.KioskId).HasMaxLength(64);
            e.Property(x => x.Type).HasMaxLength(64);
            e.Property(x => x.SourceEventId).HasMaxLength(128);
            e.Property(x => x.AcknowledgedBy).HasMaxLength(256);
            e.HasIndex(x => new { x.KioskId, x.Type, x.Closed });
            e.HasIndex(x => x.Raised);
        });
        builder.Entity<CommandAudit>(e =>
        {
            e.Property(x => x.Actor).HasMaxLength(256);
            e.Property(x => x.KioskId).HasMaxLength(64);
            e.Property(x => x.Command).HasMaxLength(64);
            e.Property(x => x.RequestId).HasMaxLength(64);
            e.Property(x => x.Outcome).HasMaxLength(64);
            e.HasIndex(x => x.Requested);
        });
        builder.Entity<WorkerAccount>(e =>
        {
            e.HasKey(x => x.Sub);
            e.Property(x => x.Sub).HasMaxLength(64);
            e.Property(x => x.PhoneHash).HasMaxLength(64);
            e.HasIndex(x => x.PhoneHash).IsUnique();
        });
        builder.Entity<LoginCode>(e =>
        {
            e.HasKey(x => x.PhoneHash);
            e.Property(x => x.PhoneHash).HasMaxLength(64);
            e.Property(x => x.CodeHash).HasMaxLength(64);
        });
        builder.Entity<DeadLetter>(e =>
        {
            e.Property(x => x.Topic).HasMaxLength(256);
            e.Property(x => x.Reason).HasMaxLength(512);
        });
        builder.Entity<Revocation>(e =>
        {
            e.Property(x => x.Sub).HasMaxLength(128);
            e.Property(x => x.By).HasMaxLength(256);
            e.HasIndex(x => x.Sub).IsUnique();
        });
    }

    internal sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

/// <summary>The SQLite flavour (migrations in <c>Storage/Migrations/Sqlite</c>).</summary>
public sealed class SqliteFleetDb(DbContextOptions<SqliteFleetDb> options) : FleetDb(options);

/// <summary>The PostgreSQL flavour (migrations in <c>Storage/Migrations/Postgres</c>).</summary>
public sealed class PostgresFleetDb(DbContextOptions<PostgresFleetDb> options) : FleetDb(options);
