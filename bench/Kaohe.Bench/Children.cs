using System.Globalization;

namespace Kaohe.Bench;

/// <summary>The peer as one measured command: `child duckdb CSV ASOF` prints DuckDB's province totals.</summary>
internal static class Children
{
    public static int Run(string[] args)
    {
        if (args is not ["duckdb", var csv, var asOfText]) return 1;
        var asOf = DateOnly.ParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Console.WriteLine(string.Join(',', DuckDbFigures.Run(csv, asOf)));
        return 0;
    }
}
