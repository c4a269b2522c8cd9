using Spectre.Console;

namespace Kiosk.Ctl;

/// <summary>
/// Tables the same way everywhere: a rounded border on a terminal; on plain output no border and no
/// padding before the first column, so lines read like the columns of <c>ps</c> and grep well.
/// </summary>
internal static class CtlTables
{
    public static Table Create(bool terminal, params string[] headers)
    {
        var table = new Table { Border = terminal ? TableBorder.Rounded : TableBorder.None };
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(new Text(header, new Style(decoration: terminal ? Decoration.Bold : Decoration.None))));
        }

        if (!terminal)
        {
            // Two spaces between columns, none before the first or after the last.
            for (var i = 0; i < table.Columns.Count; i++)
            {
                table.Columns[i].Padding = new Padding(0, 0, i < table.Columns.Count - 1 ? 2 : 0, 0);
            }
        }

        return table;
    }
}
