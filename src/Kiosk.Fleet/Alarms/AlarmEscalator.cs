using System.Net.Http.Json;
using Kiosk.Fleet.Api;
using Microsoft.Extensions.Options;

namespace Kiosk.Fleet.Alarms;

/// <summary>POSTs an unacknowledged alarm to <c>Fleet:Alarms:WebhookUrl</c> (the alarm as <c>GET /api/alarms</c> shows it).</summary>
internal sealed partial class AlarmEscalator(IHttpClientFactory clients, IOptions<AlarmOptions> options, ILogger<AlarmEscalator> logger)
{
    public const string HttpClientName = "alarm-webhook";

    private readonly ILogger<AlarmEscalator> _logger = logger;

    /// <returns>True when delivered (or no webhook is configured).</returns>
    public async Task<bool> NotifyAsync(AlarmDto alarm, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.Value.WebhookUrl))
        {
            LogEscalated(alarm.Id, alarm.Kiosk, alarm.Type, "no webhook configured");
            return true;
        }

        try
        {
            using var client = clients.CreateClient(HttpClientName);
            using var response = await client.PostAsJsonAsync(options.Value.WebhookUrl, alarm, FleetApiJsonContext.Default.AlarmDto, cancellationToken).ConfigureAwait(false);
            LogEscalated(alarm.Id, alarm.Kiosk, alarm.Type, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogFailed(alarm.Id, e.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alarm {Id} ({Kiosk} {Type}) not acknowledged in time: escalated ({Outcome})")]
    private partial void LogEscalated(long id, string kiosk, string type, string outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alarm {Id} escalation webhook failed (retried at the next check): {Error}")]
    private partial void LogFailed(long id, string error);
}
