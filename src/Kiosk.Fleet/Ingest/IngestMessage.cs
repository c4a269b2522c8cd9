namespace Kiosk.Fleet.Ingest;

/// <summary>A message taken from the broker; <see cref="AckAsync"/> sends its PUBACK, only after the database commit.</summary>
internal sealed record IngestMessage(string Topic, byte[] Payload, DateTime Received, Func<CancellationToken, Task> AckAsync);
