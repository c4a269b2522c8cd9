using Kiosk.Edge.Storage;
using Kiosk.Tokens;
using Microsoft.Data.Sqlite;

namespace Kiosk.Edge.Security;

/// <summary>
/// Revoked subjects (kept until revoked otherwise, i.e. for good) and revoked jtis (kept until any token
/// carrying them has expired), persisted in SQLite and mirrored in memory so the door path never waits
/// on the disk.
/// </summary>
internal sealed class RevocationList : IDisposable
{
    private const string Subject = "sub";
    private const string TokenId = "jti";
    private readonly Lock _gate = new();
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _time;
    private readonly TimeSpan _tokenRetention;
    private readonly HashSet<string> _subjects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _tokens = new(StringComparer.Ordinal);

    /// <param name="tokenRetention">How long a revoked jti is kept: the longest a token can stay valid.</param>
    public RevocationList(string path, TimeSpan tokenRetention, TimeProvider time)
    {
        _time = time;
        _tokenRetention = tokenRetention;
        _connection = Sqlite.Open(path);
        Sqlite.Execute(_connection, "CREATE TABLE IF NOT EXISTS revoked (kind TEXT NOT NULL, value TEXT NOT NULL, until INTEGER, PRIMARY KEY (kind, value)) WITHOUT ROWID;");
        Sqlite.Execute(_connection, $"DELETE FROM revoked WHERE until IS NOT NULL AND until < {_time.GetUtcNow().ToUnixTimeSeconds()}");
        using var read = _connection.CreateCommand();
        read.CommandText = "SELECT kind, value, until FROM revoked";
        using var rows = read.ExecuteReader();
        while (rows.Read())
        {
            if (rows.GetString(0) == Subject)
            {
                _subjects.Add(rows.GetString(1));
            }
            else
            {
                _tokens[rows.GetString(1)] = rows.IsDBNull(2) ? long.MaxValue : rows.GetInt64(2);
            }
        }
    }

    public int SubjectCount
    {
        get
        {
            lock (_gate)
            {
                return _subjects.Count;
            }
        }
    }

    public bool IsRevoked(ValidatedToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        lock (_gate)
        {
            return _subjects.Contains(token.Sub)
                || (_tokens.TryGetValue(token.Jti, out var until) && until >= _time.GetUtcNow().ToUnixTimeSeconds());
        }
    }

    /// <summary>Revokes subjects for good; returns how many were not already revoked.</summary>
    public int RevokeSubjects(IReadOnlyCollection<string> subjects) => Add(Subject, subjects, null);

    /// <summary>Revokes jtis until any token carrying them has expired; returns how many were new.</summary>
    public int RevokeTokens(IReadOnlyCollection<string> jtis) =>
        Add(TokenId, jtis, (_time.GetUtcNow() + _tokenRetention).ToUnixTimeSeconds());

    public void Dispose()
    {
        lock (_gate)
        {
            _connection.Dispose();
        }
    }

    private int Add(string kind, IReadOnlyCollection<string> values, long? until)
    {
        ArgumentNullException.ThrowIfNull(values);
        lock (_gate)
        {
            // One transaction: a revoke command is applied entirely or not at all.
            using var transaction = _connection.BeginTransaction();
            using var insert = _connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO revoked (kind, value, until) VALUES ($kind, $value, $until) ON CONFLICT (kind, value) DO UPDATE SET until = excluded.until";
            var kindParameter = insert.Parameters.Add("$kind", SqliteType.Text);
            var valueParameter = insert.Parameters.Add("$value", SqliteType.Text);
            var untilParameter = insert.Parameters.Add("$until", SqliteType.Integer);
            kindParameter.Value = kind;
            untilParameter.Value = until is { } u ? u : DBNull.Value;
            foreach (var value in values)
            {
                valueParameter.Value = value;
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
            var added = 0;
            foreach (var value in values)
            {
                if (kind == Subject)
                {
                    added += _subjects.Add(value) ? 1 : 0;
                }
                else
                {
                    added += _tokens.ContainsKey(value) ? 0 : 1;
                    _tokens[value] = until ?? long.MaxValue;
                }
            }

            return added;
        }
    }
}
