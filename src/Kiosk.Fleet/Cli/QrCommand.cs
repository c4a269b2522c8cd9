using System.CommandLine;
using Kiosk.Fleet.Configuration;
using Microsoft.Extensions.Options;
using QRCoder;

namespace Kiosk.Fleet.Cli;

/// <summary>
/// <c>kiosk-fleet qr --kiosk ID --door D [--png FILE]</c>: the static QR code of a door, encoding
/// <c>{Fleet:PublicUrl}/k/{id}?door=D</c>; in the terminal, or as a PNG to print.
/// </summary>
internal static class QrCommand
{
    public static Command Create()
    {
        var kiosk = new Option<string>("--kiosk") { Description = "Kiosk id", Required = true };
        var door = new Option<string?>("--door") { Description = "Door (cabin) id; omitted: the kiosk's first door" };
        var png = new Option<FileInfo?>("--png") { Description = "Write a PNG here instead of printing to the terminal" };
        var command = new Command("qr", "Print or write the static QR code of a door") { kiosk, door, png };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, ct) =>
        {
            var id = result.GetRequiredValue(kiosk);
            if (!KioskIds.IsValid(id))
            {
                await Console.Error.WriteLineAsync("--kiosk: must match ^[a-z0-9][a-z0-9-]{2,63}$").ConfigureAwait(false);
                return 2;
            }

            await using var app = FleetCli.Host(result);
            var url = Url(app.Services.GetRequiredService<IOptions<FleetOptions>>().Value.PublicUrl, id, result.GetValue(door));
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
            if (result.GetValue(png) is { } file)
            {
                await File.WriteAllBytesAsync(file.FullName, new PngByteQRCode(data).GetGraphic(10), ct).ConfigureAwait(false);
                await Console.Out.WriteLineAsync($"{file.FullName}: {url}").ConfigureAwait(false);
            }
            else
            {
                await Console.Out.WriteLineAsync(new AsciiQRCode(data).GetGraphicSmall()).ConfigureAwait(false);
                await Console.Out.WriteLineAsync(url).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }

    public static string Url(string publicUrl, string kiosk, string? door) =>
        $"{publicUrl.TrimEnd('/')}/k/{Uri.EscapeDataString(kiosk)}" + (door is null ? "" : "?door=" + Uri.EscapeDataString(door));
}
