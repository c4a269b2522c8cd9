using Kiosk.Edge.Doors;

namespace Kiosk.Tests.Doors;

public sealed class DoorRulesTests
{
    [Theory]
    [InlineData(DoorMode.Normal, DoorVia.Scan, null, true)]
    [InlineData(DoorMode.Normal, DoorVia.Remote, null, true)]
    [InlineData(DoorMode.HoldOpen, DoorVia.Scan, "worker", true)]
    [InlineData(DoorMode.OutOfService, DoorVia.Scan, "worker", false)]
    [InlineData(DoorMode.OutOfService, DoorVia.Remote, null, false)]
    [InlineData(DoorMode.OutOfService, DoorVia.Scan, DoorRoles.Maintenance, true)]
    [InlineData(DoorMode.OutOfService, DoorVia.Remote, DoorRoles.Maintenance, true)]
    [InlineData(DoorMode.OutOfService, DoorVia.Exit, null, true)]
    [InlineData(DoorMode.OutOfService, DoorVia.Manual, null, true)]
    public void Admits_ModeViaAndRole_OnlyOutOfServiceRefusesScanAndRemoteExceptMaintenance(DoorMode mode, DoorVia via, string? role, bool admitted) =>
        Assert.Equal(admitted, DoorRules.Admits(mode, new DoorOpening(via, "w-1", role)));

    [Theory]
    [InlineData(DoorMode.Normal, false, false)]
    [InlineData(DoorMode.Normal, true, true)]
    [InlineData(DoorMode.OutOfService, false, false)]
    [InlineData(DoorMode.OutOfService, true, true)]
    [InlineData(DoorMode.HoldOpen, false, true)]
    [InlineData(DoorMode.HoldOpen, true, true)]
    public void IsReleased_ModeAndRelease_ReleasedInHoldOpenOrDuringAnOpening(DoorMode mode, bool released, bool expected) =>
        Assert.Equal(expected, DoorRules.IsReleased(mode, released));

    [Theory]
    [InlineData(DoorMode.Normal, false, true)]
    [InlineData(DoorMode.Normal, true, false)]
    [InlineData(DoorMode.OutOfService, false, true)]
    [InlineData(DoorMode.HoldOpen, false, false)]
    public void IsForcedOpen_ContactOpensWhileLocked_IsForced(DoorMode mode, bool released, bool forced) =>
        Assert.Equal(forced, DoorRules.IsForcedOpen(mode, released));

    [Theory]
    [InlineData(DoorMode.Normal, true, DoorAlarm.None, true)]
    [InlineData(DoorMode.OutOfService, true, DoorAlarm.None, true)]
    [InlineData(DoorMode.Normal, false, DoorAlarm.None, false)]
    [InlineData(DoorMode.Normal, true, DoorAlarm.ForcedOpen, false)]
    [InlineData(DoorMode.Normal, true, DoorAlarm.HeldOpen, false)]
    [InlineData(DoorMode.HoldOpen, true, DoorAlarm.None, false)]
    public void IsHeldOpen_TimeElapsed_AlarmOnlyForAnOpenDoorWithoutAlarmNotHeldOnPurpose(DoorMode mode, bool contactOpen, DoorAlarm alarm, bool expected) =>
        Assert.Equal(expected, DoorRules.IsHeldOpen(mode, contactOpen, alarm));

    [Theory]
    [InlineData(DoorMode.HoldOpen, true, false, true)]
    [InlineData(DoorMode.HoldOpen, false, true, false)]
    [InlineData(DoorMode.Normal, true, false, false)]
    [InlineData(DoorMode.Normal, false, true, true)]
    [InlineData(DoorMode.OutOfService, true, false, false)]
    [InlineData(DoorMode.OutOfService, true, true, true)]
    public void ReleasedAfterModeChange_NewMode_HoldOpenKeepsOthersReleaseOnlyAnOpenDoor(DoorMode mode, bool released, bool contactOpen, bool expected) =>
        Assert.Equal(expected, DoorRules.ReleasedAfterModeChange(mode, released, contactOpen));

    [Theory]
    [InlineData(DoorMode.HoldOpen, DoorAlarm.HeldOpen, DoorAlarm.None)]
    [InlineData(DoorMode.HoldOpen, DoorAlarm.ForcedOpen, DoorAlarm.ForcedOpen)]
    [InlineData(DoorMode.HoldOpen, DoorAlarm.None, DoorAlarm.None)]
    [InlineData(DoorMode.Normal, DoorAlarm.HeldOpen, DoorAlarm.HeldOpen)]
    [InlineData(DoorMode.OutOfService, DoorAlarm.HeldOpen, DoorAlarm.HeldOpen)]
    public void AlarmAfterModeChange_NewMode_OnlyHoldOpenClearsHeldOpen(DoorMode mode, DoorAlarm alarm, DoorAlarm expected) =>
        Assert.Equal(expected, DoorRules.AlarmAfterModeChange(mode, alarm));

    [Theory]
    [InlineData(DoorAlarm.None, null)]
    [InlineData(DoorAlarm.HeldOpen, "held_open")]
    [InlineData(DoorAlarm.ForcedOpen, "forced_open")]
    public void ToWire_EachAlarm_ContractName(DoorAlarm alarm, string? wire) => Assert.Equal(wire, alarm.ToWire());
}
