namespace Kiosk.Edge.Messaging.Connection;

/// <summary>The broker answered, but refused (connect, subscribe, or a publish's PUBACK reason code).</summary>
public sealed class MqttLinkException(string message) : Exception(message);
