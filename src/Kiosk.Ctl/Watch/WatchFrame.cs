using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Kiosk.Ctl.Watch;

/// <summary>
/// One frame of <c>kioskctl watch</c> from the status result and the latest events: a header, the link,
/// health and maintenance lines, a table per state section (doors, circuits, occupancy, intercom) and the
/// events. Sections are read defensively: whatever a section holds is shown, a missing one as "-".
/// On a terminal the sections sit in panels of a screen layout; plain, they follow each other as text.
/// </summary>
internal sealed class WatchFrame(JsonObject status, IReadOnlyList<JsonObject> events)
{
    public const int RecentEvents = 8;

    /// <summary>The state sections shown, with what their ids name.</summary>
    private static readonly (string Name, string Id)[] Sections = [("doors", "door"), ("circuits", "circuit"), ("occupancy", "cabin"), ("intercom", "id")];

    private JsonObject State => status["state"] as JsonObject ?? [];

    /// <summary>The frame as plain text (no ANSI, no borders), as <c>watch --once</c> and redirected output print it.</summary>
    public IRenderable Plain()
    {
        var rows = new List<IRenderable> { Header(terminal: false) };
        foreach (var (name, id) in Sections)
        {
            rows.Add(new Text(name.ToUpperInvariant()));
            rows.Add(WatchTables.Section(State[name], id, terminal: false));
        }

        rows.Add(new Text("EVENTS"));
        rows.Add(WatchTables.Events(events.TakeLast(RecentEvents), terminal: false));
        return new Rows(rows);
    }

    /// <summary>The frame as a screen layout for a live terminal view.</summary>
    public IRenderable Terminal()
    {
        var layout = new Layout("root").SplitRows(
            new Layout("header").Size(6),
            new Layout("state").SplitColumns(
                new Layout("left").SplitRows(new Layout("doors"), new Layout("occupancy")),
                new Layout("right").SplitRows(new Layout("circuits"), new Layout("intercom"))),
            new Layout("events").Size(RecentEvents + 5));
        layout["header"].Update(new Panel(Header(terminal: true)) { Header = new PanelHeader("kiosk"), Expand = true });
        foreach (var (name, id) in Sections)
        {
            layout[name].Update(new Panel(WatchTables.Section(State[name], id, terminal: true)) { Header = new PanelHeader(name), Expand = true });
        }

        layout["events"].Update(new Panel(WatchTables.Events(events.TakeLast(RecentEvents), terminal: true)) { Header = new PanelHeader("events"), Expand = true });
        return layout;
    }

    private Rows Header(bool terminal)
    {
        var title = string.Create(CultureInfo.InvariantCulture, $"kiosk {JsonText.Of(status["id"])}  version {JsonText.Of(status["version"])}  boot {JsonText.Of(status["boot"])}  {JsonText.Of(status["ts"])}");
        return new Rows(
            new Text(terminal ? title + "   (q quits)" : title, new Style(decoration: terminal ? Decoration.Bold : Decoration.None)),
            new Text($"maintenance: {WatchTables.Flat(State["maintenance"])}"),
            new Text($"link: {WatchTables.Flat(State["link"])}"),
            new Text($"health: {WatchTables.Flat(State["health"])}"),
            new Text($"outbox: {WatchTables.Flat(status["events"])}"));
    }
}
