using System.Globalization;
using DuckDB.NET.Data;

namespace Kaohe.Bench;

/// <summary>The same figures as Kaohe (docs/ledger-figures.md) in DuckDB SQL over read_csv; totals for the whole file.</summary>
internal static class DuckDbFigures
{
    public static long[] Run(string csv, DateOnly asOf)
    {
        var d = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var y = asOf.Year.ToString(CultureInfo.InvariantCulture);
        using var conn = new DuckDBConnection("DataSource=:memory:");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = $"""
            WITH raw AS (
              SELECT * FROM read_csv('{csv.Replace("'", "''", StringComparison.Ordinal)}', header = true, columns = {"{"}
                '县级单位': 'VARCHAR', '合同编号': 'VARCHAR', '身份证号': 'VARCHAR', '借款人姓名': 'VARCHAR', '应还日期': 'DATE',
                '应还本金': 'DECIMAL(18,2)', '应还利息': 'DECIMAL(18,2)', '实还本金': 'DECIMAL(18,2)', '实还利息': 'DECIMAL(18,2)', '实还日期': 'DATE'{"}"})
            ), r AS (
              SELECT "县级单位" AS unit, "身份证号" AS id, "应还日期" AS due_date,
                     CAST(("应还本金" + "应还利息") * 100 AS BIGINT) AS due,
                     CASE WHEN "实还日期" <= DATE '{d}' THEN least(CAST(("实还本金" + "实还利息") * 100 AS BIGINT), CAST(("应还本金" + "应还利息") * 100 AS BIGINT)) ELSE 0 END AS paid_by_d
              FROM raw WHERE "应还日期" <= DATE '{d}'
            ), b AS (
              SELECT unit, id, sum(due - paid_by_d) AS overdue, min(CASE WHEN due > paid_by_d THEN due_date END) AS oldest FROM r GROUP BY unit, id
            ), u AS (
              SELECT unit, sum(CASE WHEN due_date >= DATE '{y}-01-01' THEN due ELSE 0 END) AS year_due,
                     sum(CASE WHEN due_date >= DATE '{y}-01-01' THEN paid_by_d ELSE 0 END) AS year_paid,
                     sum(due) AS cum_due, sum(due - paid_by_d) AS cum_overdue FROM r GROUP BY unit
            ), ub AS (
              SELECT unit, count(*) AS in_repayment, count(*) FILTER (WHERE overdue > 0) AS overdue_n,
                count(*) FILTER (WHERE overdue > 0 AND DATE '{d}' - oldest <= 365) AS b0,
                count(*) FILTER (WHERE overdue > 0 AND DATE '{d}' - oldest BETWEEN 366 AND 730) AS b1,
                count(*) FILTER (WHERE overdue > 0 AND DATE '{d}' - oldest BETWEEN 731 AND 1095) AS b2,
                count(*) FILTER (WHERE overdue > 0 AND DATE '{d}' - oldest > 1095) AS b3
              FROM b GROUP BY unit
            ), per_unit AS (
              SELECT u.*, ub.in_repayment, ub.overdue_n, ub.b0, ub.b1, ub.b2, ub.b3,
                     round(100.0 * year_paid / nullif(year_due, 0), 2) AS year_rate,
                     round(100.0 * cum_overdue / nullif(cum_due, 0), 2) AS overdue_rate,
                     round(100.0 * overdue_n / nullif(in_repayment, 0), 2) AS head_rate
              FROM u JOIN ub USING (unit)
            )
            SELECT sum(year_due), sum(year_paid), sum(cum_due), sum(cum_overdue), sum(in_repayment), sum(overdue_n), sum(b0), sum(b1), sum(b2), sum(b3), count(*)
            FROM per_unit
            """;
        using var reader = cmd.ExecuteReader();
        reader.Read();
        return Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i) is System.Numerics.BigInteger big ? (long)big : Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture)).ToArray();
    }
}
