using Kiosk.Edge.Security;
using Kiosk.Tests.Tokens;
using Kiosk.Tokens;

namespace Kiosk.Tests.Security;

public sealed class RevocationListTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("revoked-").FullName;
    private readonly TokenTestKit _kit = new();

    private string DbPath => Path.Combine(_dir, "revocations.db");

    [Fact]
    public void IsRevoked_RevokedSubject_TrueForAnyOfItsTokensAlsoAfterRestart()
    {
        using (var list = new RevocationList(DbPath, TimeSpan.FromMinutes(6), _kit.Time))
        {
            Assert.Equal(1, list.RevokeSubjects(["worker-0042"]));
            Assert.True(list.IsRevoked(Token("worker-0042")));
            Assert.False(list.IsRevoked(Token("worker-0043")));
        }

        _kit.Time.Advance(TimeSpan.FromDays(400));
        using var reopened = new RevocationList(DbPath, TimeSpan.FromMinutes(6), _kit.Time);
        Assert.True(reopened.IsRevoked(Token("worker-0042", lifetime: 60)));
    }

    [Fact]
    public void IsRevoked_RevokedJti_UntilRetentionEndsThenForgotten()
    {
        using var list = new RevocationList(DbPath, TimeSpan.FromMinutes(6), _kit.Time);
        var token = Token("worker-0042", jti: "j-1");
        list.RevokeTokens(["j-1"]);
        Assert.True(list.IsRevoked(token));
        Assert.False(list.IsRevoked(Token("worker-0042", jti: "j-2")));

        _kit.Time.Advance(TimeSpan.FromMinutes(7));
        Assert.False(list.IsRevoked(token));
        using var reopened = new RevocationList(DbPath, TimeSpan.FromMinutes(6), _kit.Time);
        Assert.False(reopened.IsRevoked(token));
    }

    [Fact]
    public void RevokeSubjects_Again_CountsOnlyNewOnes()
    {
        using var list = new RevocationList(DbPath, TimeSpan.FromMinutes(6), _kit.Time);
        Assert.Equal(2, list.RevokeSubjects(["a", "b"]));
        Assert.Equal(1, list.RevokeSubjects(["b", "c"]));
        Assert.Equal(3, list.SubjectCount);
    }

    private ValidatedToken Token(string sub, string? jti = null, int lifetime = 120)
    {
        // Revocation must hold for tokens issued at any time, so each is issued "now".
        var token = _kit.Issue(TokenTestKit.Pass(sub) with { Jti = jti, Lifetime = TimeSpan.FromSeconds(lifetime) });
        return _kit.Validator.Validate(token).Token!;
    }

    public void Dispose()
    {
        _kit.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
