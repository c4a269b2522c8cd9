using System.Text.Json;
using Kiosk.Contract.Json;
using Kiosk.Contract.State;

namespace Kiosk.Tests.Contract.State;

/// <summary>The whole retained state message reads into <see cref="KioskState"/> and writes back unchanged.</summary>
public sealed class KioskStateJsonTests
{
    private const string Message =
        """{"doors":{"rest":{"lock":"locked","contact":"closed","mode":"normal","alarm":null}},"health":{"live":true,"ready":true,"checks":{}},"ts":"2026-11-30T06:00:00+08:00","solar":{"panel":1}}""";

    [Fact]
    public void Deserialize_WholeStateWithUnknownSection_KeepsSectionsAndTheUnknownOne()
    {
        var state = JsonSerializer.Deserialize(Message, ContractJsonContext.Default.KioskState)!;

        Assert.Equal("locked", state.Doors!["rest"].Lock);
        Assert.True(state.Health!.Ready);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.FromHours(8)), state.Ts);
        Assert.Equal(1, state.Extra!["solar"].GetProperty("panel").GetInt32());
    }

    [Fact]
    public void Serialize_StateReadBack_SameSectionsAndUnknownOne()
    {
        var state = JsonSerializer.Deserialize(Message, ContractJsonContext.Default.KioskState)!;

        var again = JsonSerializer.Deserialize(JsonSerializer.Serialize(state, ContractJsonContext.Default.KioskState), ContractJsonContext.Default.KioskState)!;

        Assert.Equal("locked", again.Doors!["rest"].Lock);
        Assert.Equal(state.Ts, again.Ts);
        Assert.True(again.Extra!.ContainsKey("solar"));
    }
}
