using Kiosk.Tokens;

namespace Kiosk.Edge.Security;

/// <summary>
/// The trust store in force, replaced whole when the file is reloaded (<see cref="TrustStoreReloader"/>), and
/// the last reload that was refused. Readers take <see cref="Store"/> once per token, so a token is judged by
/// one store; a replaced store is not disposed, because a validation on another thread may still hold it
/// (its keys are freed by the garbage collector). Thread-safe: one immutable snapshot, swapped atomically.
/// </summary>
internal sealed class CurrentTrustStore : IDisposable
{
    private Snapshot _snapshot;

    public CurrentTrustStore(TrustStore store, string path, DateTimeOffset loadedAt)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = path;
        _snapshot = new Snapshot(store, loadedAt, null);
    }

    /// <summary>The trust store file (full path), as configured in <c>Security:TrustStorePath</c>.</summary>
    public string Path { get; }

    /// <summary>The keys in force.</summary>
    public TrustStore Store => Volatile.Read(ref _snapshot).Store;

    /// <summary>When the keys in force were read.</summary>
    public DateTimeOffset LoadedAt => Volatile.Read(ref _snapshot).LoadedAt;

    /// <summary>The last reload that was refused since the keys in force were read, or null.</summary>
    public TrustStoreRefusal? Refusal => Volatile.Read(ref _snapshot).Refusal;

    /// <summary>Puts <paramref name="store"/> in force and clears any refusal.</summary>
    public void Replace(TrustStore store, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(store);
        Volatile.Write(ref _snapshot, new Snapshot(store, at, null));
    }

    /// <summary>Records a refused reload; the keys in force stay. Called by the reload loop only (no concurrent writers).</summary>
    public void Refuse(string reason, DateTimeOffset at)
    {
        var current = Volatile.Read(ref _snapshot);
        Volatile.Write(ref _snapshot, current with { Refusal = new TrustStoreRefusal(at, reason) });
    }

    public void Dispose() => Store.Dispose();

    private sealed record Snapshot(TrustStore Store, DateTimeOffset LoadedAt, TrustStoreRefusal? Refusal);
}
