using Kaohe.Common.Tabular;
using Kaohe.Domain.Assessment;
using Kaohe.Features.Assessment;
using Kaohe.Features.Units;
using Kaohe.Tests.Infrastructure;

namespace Kaohe.Tests.Features.Assessment;

/// <summary>The scheme file's 数据来源 and 计分规则 columns: read, checked with Chinese messages naming row and column, written back.</summary>
public sealed class SchemeFileTests
{
    private const string Header = "编号,名称,分值,类型,数据来源,计分规则\n";

    private static List<Indicator> Parse(string csv) => SchemeFile.Parse(Files.Table(Files.Csv(csv)));

    [Fact]
    public void ComputedRows_KeepTheirSourceAndTheCanonicalRule_ThroughAWriteAndARead()
    {
        var nodes = Parse(Header + "1,数据,12,人工评分,,\n1.1,逾期率,5,数据计算,逾期率（金额）,不高于全省平均得满分；每高1个百分点扣1分\n"
            + "1.2,回执,3,数据计算,ledger.receipt-missing,每个扣0.5分，扣完为止\n1.3,回收,4,数据计算,ledger.recovery-rate,不低于95%得满分\n");
        Assert.Equal([("ledger.overdue-rate", "不高于全省 得满分，每高 1 个百分点扣 1 分"), ("ledger.receipt-missing", "每个扣 0.5 分"),
            ("ledger.recovery-rate", "不低于 95% 得满分，否则不得分")], nodes.Skip(1).Select(n => (n.DataSource!, n.PointsRule!)));
        Assert.All(nodes.Skip(1), n => Assert.True(n.IsComputedFromData));

        var written = SchemeFile.Write(new IndicatorScheme { Name = "t", Indicators = nodes }, TableFormat.Csv);
        var again = SchemeFile.Parse(Files.Table(written));
        Assert.Equal(nodes.Select(n => (n.Code, n.Kind, n.DataSource, n.PointsRule)), again.Select(n => (n.Code, n.Kind, n.DataSource, n.PointsRule)));
    }

    [Fact]
    public void BadSourcesAndRules_AreEachReported_NamingRowAndColumn()
    {
        var e = Assert.Throws<ImportRejectedException>(() => Parse(Header
            + "1,数据,10,人工评分,,\n"
            + "1.1,逾期,5,数据计算,ledger.overdue-rate,每个扣 1 分\n"
            + "1.2,回执,3,数据计算,ledger.receipt-missing,不高于全省 得满分\n"
            + "1.3,未知,1,数据计算,ledger.nope,每个扣 1 分\n"
            + "1.4,空,1,数据计算,,\n"
            + "1.5,人工,0,人工评分,ledger.overdue-rate,\n"
            + "1.6,看不懂,0,数据计算,ledger.overdue-rate,越低越好\n"
            + "1.7,方向,0,数据计算,ledger.overdue-rate,不高于 5% 得满分，每低 1 个百分点扣 1 分\n"));
        Assert.Equal(
        [
            "第 3 行“计分规则”列：“每个扣 … 分”只适用于计数类数据，“逾期率(金额)”是比率，请写“不低于/不高于 …”",
            "第 4 行“计分规则”列：“不低于/不高于 …”只适用于比率，“回执未录入且未谢绝合同数”是计数，请写“每个扣 … 分”",
            $"第 5 行“数据来源”列：数据来源“ledger.nope”不是台账指标，应为：{LedgerSources.Known}",
            "第 6 行“数据来源”列：类型为“数据计算”的指标须填写数据来源（不能由台账计算的，请改为人工评分）",
            "第 6 行“计分规则”列：类型为“数据计算”的指标须填写计分规则，如 " + ComputedTexts.RuleExamples,
            "第 7 行“数据来源”列：只有类型为“数据计算”的指标才填写数据来源和计分规则",
            "第 8 行“计分规则”列：无法识别计分规则“越低越好”，应写作 " + ComputedTexts.RuleExamples + " 等形式",
            "第 9 行“计分规则”列：“不高于”的规则应写“每高 … 个百分点扣 … 分”",
        ], e.ImportErrors.Select(x => x.ToString()));
    }

    [Fact]
    public void ASourceOnAnIndicatorWithSubItems_IsRefused()
    {
        var e = Assert.Throws<ImportRejectedException>(() => Parse(Header + "1,数据,5,数据计算,ledger.overdue-rate,不高于全省 得满分\n1.1,下级,5,人工评分,,\n"));
        Assert.Equal("第 2 行“数据来源”列：有下级的指标不能按数据计算，请在末级指标上填写数据来源", Assert.Single(e.ImportErrors).ToString());
    }
}
