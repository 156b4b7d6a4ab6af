using Kaohe.Common.Tabular;

namespace Kaohe.Web.Endpoints;

internal static class Problems
{
    /// <summary>Groups import errors by "第 N 行" / column so a client can show each where it belongs.</summary>
    public static Dictionary<string, string[]> Of(IEnumerable<ImportError> errors) =>
        errors.GroupBy(e => e.Row == 0 ? (e.Column ?? "文件") : $"第{e.Row}行{(e.Column is null ? "" : "·" + e.Column)}")
            .ToDictionary(g => g.Key, g => g.Select(e => e.ToString()).ToArray());
}
