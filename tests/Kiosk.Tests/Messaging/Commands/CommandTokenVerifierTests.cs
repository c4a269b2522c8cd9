using Kiosk.Edge.Messaging.Commands;

namespace Kiosk.Tests.Messaging.Commands;

public sealed class CommandTokenVerifierTests
{
    [Fact]
    public async Task Unavailable_AnyToken_DeniedFailClosed()
    {
        var verdict = await new UnavailableTokenVerifier().VerifyAsync("eyJhbGciOiJFUzI1NiJ9.e30.c2ln", TestContext.Current.CancellationToken);

        Assert.False(verdict.Ok);
        Assert.Equal("unknown_key", verdict.DenyReason);
    }
}
