using System.Buffers.Binary;
using System.Device.Gpio;
using System.Text.Json;
using Kiosk.Edge.Commands;
using Kiosk.Edge.Events;
using Kiosk.Edge.Hardware;
using Kiosk.Edge.Intercom;
using Kiosk.Edge.State;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Intercom;

/// <summary>The intercom on a simulated chip with a fake clock; sound goes to WAV files in a temp folder.</summary>
internal sealed class IntercomFixture : IDisposable
{
    public const int CallButtonPin = 11;
    public const int HelpLedPin = 12;
    public const int AmpPin = 14;

    private readonly string _dir = Directory.CreateTempSubdirectory("intercom-").FullName;

    public IntercomFixture(DateTimeOffset? start = null, Action<IntercomOptions>? configure = null)
    {
        Time = new FakeTimeProvider(start ?? new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        Options = new IntercomOptions
        {
            CallButtonPin = CallButtonPin,
            HelpLedPin = HelpLedPin,
            AmpEnablePin = AmpPin,
            Cabin = "rest",
            ClipDirectory = Path.Combine(_dir, "clips"),
            WorkDirectory = Path.Combine(_dir, "work"),
        };
        configure?.Invoke(Options);
        Directory.CreateDirectory(Options.ClipDirectory);
        Board = new Board(Chip, TimeSpan.FromMilliseconds(30));
        Journal = new EventJournal(Path.Combine(_dir, "events.db"), new EventJournalOptions(), Time);
        Status = new IntercomStatus(State);
        Queue = new AnnouncementQueue(Options.MaxQueueLength, Status);
        Quiet = new QuietHours(Options.QuietHoursStart, Options.QuietHoursEnd, TimeZoneInfo.FindSystemTimeZoneById(Options.TimeZone));
        Help = new HelpCall(Microsoft.Extensions.Options.Options.Create(Options), new SwitchedOutput(Board.Gpio, Options.HelpLedPin, Options.HelpLedActiveLevel), Journal, Status, Time, NullLogger<HelpCall>.Instance);
        Button = new CallButton(Board, Options, Help, Time);
        Sink = new FileAudioSink(Path.Combine(_dir, "out"), Time);
        Player = new AnnouncementPlayer(
            Queue,
            new SpeechSynthesizer(Options.EspeakPath, Options.Voice, Options.RenderTimeout, TimeProvider.System),
            Sink,
            new SwitchedOutput(Board.Gpio, Options.AmpEnablePin, Options.AmpActiveLevel),
            Quiet,
            Options,
            Options.WorkDirectory!,
            Journal,
            Status,
            Time,
            NullLogger<AnnouncementPlayer>.Instance);
        Announce = new AnnounceCommand(Queue, Quiet, Options, Time);
        AckHelp = new AckHelpCommand(Help);
    }

    public SimulatedGpioDriver Chip { get; } = new();

    public Board Board { get; }

    public FakeTimeProvider Time { get; }

    public IntercomOptions Options { get; }

    public EventJournal Journal { get; }

    public StateBoard State { get; } = new();

    public IntercomStatus Status { get; }

    public AnnouncementQueue Queue { get; }

    public QuietHours Quiet { get; }

    public HelpCall Help { get; }

    public CallButton Button { get; }

    public FileAudioSink Sink { get; }

    public AnnouncementPlayer Player { get; }

    public AnnounceCommand Announce { get; }

    public AckHelpCommand AckHelp { get; }

    public bool Amp => Chip.GetOutput(AmpPin) == PinValue.High;

    public bool HelpLed => Chip.GetOutput(HelpLedPin) == PinValue.High;

    public static CommandRequest Request(string name, string json, CommandVia via = CommandVia.Manual, string role = "operator") =>
        new(name, "req-1", via, "operator-1", role, JsonDocument.Parse(json).RootElement.Clone());

    public ValueTask<CommandResult> AnnounceAsync(string json) => Announce.ExecuteAsync(Request("announce", json), CancellationToken.None);

    public List<KioskEvent> Events(string type) => [.. Journal.ReadAfter(0, 1000).Where(e => e.Type == type)];

    /// <summary>Writes a 16-bit mono PCM sine tone as a clip.</summary>
    public string WriteClip(string name, double seconds, double amplitude = 0.5)
    {
        const int rate = 22050;
        var samples = (int)(seconds * rate);
        var bytes = new byte[44 + (samples * 2)];
        "RIFF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), bytes.Length - 8);
        "WAVEfmt "u8.CopyTo(bytes.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(24), rate);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(28), rate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(34), 16);
        "data"u8.CopyTo(bytes.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(40), samples * 2);
        for (var i = 0; i < samples; i++)
        {
            var v = (short)(Math.Sin(2 * Math.PI * 440 * i / rate) * amplitude * short.MaxValue);
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(44 + (i * 2)), v);
        }

        var path = Path.Combine(Options.ClipDirectory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Waits (in real time, bounded) for something another thread does, e.g. espeak-ng finishing.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what)
    {
        var deadline = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            if (TimeProvider.System.GetElapsedTime(deadline) > TimeSpan.FromSeconds(30))
            {
                Assert.Fail($"timed out waiting for {what}");
            }

            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
    }

    public void Dispose()
    {
        Button.Dispose();
        Player.Dispose();
        Journal.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
