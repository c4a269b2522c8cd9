namespace Kiosk.FleetSim.Behaviour;

/// <summary>One event in the outbox: its seq, type and wire bytes (<c>{"id","seq","ts","type","epoch",...}</c>).</summary>
internal sealed record PendingEvent(long Seq, string Type, byte[] Payload);
