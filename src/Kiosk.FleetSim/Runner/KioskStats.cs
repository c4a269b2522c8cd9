namespace Kiosk.FleetSim.Runner;

/// <summary>One kiosk's counters in <see cref="SimStats"/>.</summary>
internal sealed record KioskStats(bool Connected, long Connects, long LastSeq, long EventsSent, long BytesSent, long BytesReceived);
