using Kaohe.Common.Errors;
using Kaohe.Common.Tabular;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Kaohe.Domain.Audit;
using Kaohe.Features.Audit;
using Kaohe.Features.Notices;
using Kaohe.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Tests.Features.Audit;

/// <summary>
/// Issue 22: someone who can write the database, and nothing else, changes it behind Kaohe's back. Each kind of change
/// is found, with a message naming what changed; the demo database untouched verifies clean.
/// </summary>
public abstract class SealAndChainTamperTests(DatabaseProvider provider)
{
    private const string Zhengzhou2018Excellent = "二七区";

    [Fact]
    public async Task Untouched_VerifiesClean_EverySealHoldsAndTheChainReachesItsCheckpoint()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var result = await Verify(db);
        Assert.True(result.IsIntact, result.Message);
        Assert.Contains("2018 年度封存数据一致（封存校验码 ", result.Message);
        Assert.Contains("2017 年度封存数据一致", result.Message);
        Assert.Contains("与检查点（第 ", result.Message);
        var notice = await db.Run<ComposeNotice, NoticeDocument>(h => h.HandleAsync(2018));
        Assert.Matches(@"^封存校验码：[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}　审计链头：第 \d+ 条 [0-9a-f]{16}（生成时）$", notice.Verification);
        Assert.Contains(notice.Verification.Split('　')[0]["封存校验码：".Length..], result.Message);
    }

    [Fact]
    public async Task SealedGradeEdited_VerifyTheNoticeAndTheExport_RefuseNamingTheUnit()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var id = await CampaignUnitAsync(db, 2018, Zhengzhou2018Excellent);
        await TamperAsync(db, $"UPDATE \"CampaignUnits\" SET \"FinalGrade\" = 4 WHERE \"Id\" = {id}");

        var result = await Verify(db);
        Assert.False(result.IsIntact);
        Assert.Contains($"2018 年度考核封存后数据被改动：{Zhengzhou2018Excellent}的封存数据与封存时不一致", result.Message);
        var refusal = await Assert.ThrowsAsync<KaoheException>(() => db.Run<ComposeNotice, NoticeDocument>(h => h.HandleAsync(2018)));
        Assert.Equal((ErrorKind.Conflict, AuditTexts.SealRefused), (refusal.Kind, refusal.Title));
        Assert.Contains(Zhengzhou2018Excellent, refusal.Detail);
        var export = await Assert.ThrowsAsync<KaoheException>(() => db.Run<ExportResults, byte[]>(h => h.HandleAsync(2018, TableFormat.Csv, UserScope.System)));
        Assert.Contains(Zhengzhou2018Excellent, export.Detail);
    }

    [Theory]
    [InlineData("UPDATE \"StageResults\" SET \"Total\" = \"Total\" + 1 WHERE \"CampaignUnitId\" = {0}")]
    [InlineData("INSERT INTO \"IndicatorScores\" (\"StageResultId\", \"IndicatorId\", \"Points\", \"VetoHit\", \"Origin\") SELECT min(r.\"Id\"), (SELECT min(\"Id\") FROM \"Indicators\"), 5, FALSE, 1 FROM \"StageResults\" r WHERE r.\"CampaignUnitId\" = {0}")]
    [InlineData("UPDATE \"StageResults\" SET \"Comment\" = '改过的说明' WHERE \"CampaignUnitId\" = {0}")]
    [InlineData("UPDATE \"CampaignUnits\" SET \"DecisionReason\" = '后补的理由', \"VotesFor\" = 9 WHERE \"Id\" = {0}")]
    [InlineData("DELETE FROM \"CampaignUnits\" WHERE \"Id\" = {0}")]
    public async Task SealedStageScoreReasonOrVotesEdited_NamesTheUnit(string sql)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var id = await CampaignUnitAsync(db, 2018, Zhengzhou2018Excellent);
        await TamperAsync(db, string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, id));
        var result = await Verify(db);
        Assert.False(result.IsIntact);
        Assert.Contains($"{Zhengzhou2018Excellent}的封存数据与封存时不一致", result.Message);
    }

    [Fact]
    public async Task SchemeQuotaOfASealedCampaignEdited_IsFound()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await TamperAsync(db, "UPDATE \"IndicatorSchemes\" SET \"ExcellentQuotaPercent\" = 99 WHERE \"Id\" = (SELECT \"SchemeId\" FROM \"Campaigns\" WHERE \"Year\" = 2018)");
        var result = await Verify(db);
        Assert.Contains("等级分数线或优秀比例与封存时不一致", result.Message);
    }

    [Fact]
    public async Task SealEntryRewritten_ToMatchTheTamperedData_IsFoundByItsHmac()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var id = await CampaignUnitAsync(db, 2018, Zhengzhou2018Excellent);
        await TamperAsync(db, $"UPDATE \"CampaignUnits\" SET \"FinalGrade\" = 4 WHERE \"Id\" = {id}");
        // The attacker puts the digest of the tampered data into the seal's entry, keeping its hash: the HMAC no longer holds.
        var campaignId = await db.Query(c => c.Campaigns.Where(x => x.Year == 2018).Select(x => x.Id).SingleAsync());
        var forged = await db.Query(async c => await SealedData.RecordJsonAsync(c, campaignId, new Dictionary<string, object>(), default));
        await TamperAsync(db, $"UPDATE \"AuditEntries\" SET \"After\" = '{forged}' WHERE \"Action\" = '封存' AND \"EntityId\" = '{campaignId}'");
        var refusal = await Assert.ThrowsAsync<KaoheException>(() => db.Run<ComposeNotice, NoticeDocument>(h => h.HandleAsync(2018)));
        Assert.Contains("2018 年度考核的封存记录被改动", refusal.Detail);
        Assert.NotNull((await Verify(db)).FirstBrokenId);
    }

    [Fact]
    public async Task CampaignUnsealedInTheDatabase_IsFound_AndSoIsItsSealThroughKaoheAgain()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var campaignId = await db.Query(c => c.Campaigns.Where(x => x.Year == 2018).Select(x => x.Id).SingleAsync());
        await TamperAsync(db, $"UPDATE \"Campaigns\" SET \"Status\" = 2 WHERE \"Id\" = {campaignId}");
        var unsealed = await Verify(db);
        Assert.False(unsealed.IsIntact);
        Assert.Contains("2018 年度考核在审计链中已封存，但库中已不是封存状态", unsealed.Message);

        // Sealed again through Kaohe, after a grade changed meanwhile: the chain now holds two seals of it.
        var id = await CampaignUnitAsync(db, 2018, Zhengzhou2018Excellent);
        await TamperAsync(db, $"UPDATE \"CampaignUnits\" SET \"FinalGrade\" = 4 WHERE \"Id\" = {id}");
        await db.Run<Kaohe.Features.Assessment.SealResults, int>(async h => { await h.HandleAsync(campaignId, UserScope.System); return 0; });
        var refusal = await Assert.ThrowsAsync<KaoheException>(() => db.Run<ComposeNotice, NoticeDocument>(h => h.HandleAsync(2018)));
        Assert.Contains("2018 年度考核在审计链中封存过两次", refusal.Detail);
    }

    [Fact]
    public async Task EntryEdited_NamesIt()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var target = await db.Query(c => c.AuditEntries.OrderBy(e => e.Id).Skip(40).Select(e => e.Id).FirstAsync());
        await TamperAsync(db, $"UPDATE \"AuditEntries\" SET \"Actor\" = 'mallory' WHERE \"Id\" = {target}");
        var result = await Verify(db);
        Assert.Equal(target, result.FirstBrokenId);
        Assert.Contains($"审计链在第 {target} 条断开：该记录的内容被改动过", result.Message);
    }

    [Fact]
    public async Task EntriesReordered_NamesTheFirstOutOfPlace()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ids = await db.Query(c => c.AuditEntries.OrderBy(e => e.Id).Skip(20).Take(2).Select(e => e.Id).ToListAsync());
        // Swap two entries' places: every column but the id moves.
        const string columns = "\"AtUtc\", \"Actor\", \"Action\", \"EntityType\", \"EntityId\", \"UnitId\", \"Before\", \"After\", \"Reason\", \"PreviousHash\", \"Hash\", \"HashKind\"";
        await TamperAsync(db, $"""
            CREATE TABLE swap AS SELECT * FROM "AuditEntries" WHERE "Id" IN ({ids[0]}, {ids[1]});
            DELETE FROM "AuditEntries" WHERE "Id" IN ({ids[0]}, {ids[1]});
            INSERT INTO "AuditEntries" ("Id", {columns}) SELECT {ids[0] + ids[1]} - "Id", {columns} FROM swap;
            DROP TABLE swap;
            """);
        var result = await Verify(db);
        Assert.Equal(ids[0], result.FirstBrokenId);
        Assert.Contains($"审计链在第 {ids[0]} 条断开：它之前的记录被删除、插入或改动过", result.Message);
    }

    [Fact]
    public async Task EntryInserted_WithAPlainHashLinkedToTheHead_IsFound()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var head = (await db.Query(c => AuditTrail.HeadAsync(c)))!;
        var forged = new AuditEntry
        {
            Id = head.Id + 1, AtUtc = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), Actor = "admin", Action = "修改", EntityType = "Unit", EntityId = "5",
            After = "{\"Name\":\"篡改县\"}", PreviousHash = head.Hash, Hash = "", HashKind = AuditHashKind.HmacSha256,
        };
        forged.Hash = AuditTrail.HashOf(forged); // all the attacker can compute: SHA-256, without the key
        await TamperAsync(db, $"""
            INSERT INTO "AuditEntries" ("Id", "AtUtc", "Actor", "Action", "EntityType", "EntityId", "After", "PreviousHash", "Hash", "HashKind")
            VALUES ({forged.Id}, '2026-12-01 00:00:00', 'admin', '修改', 'Unit', '5', '{forged.After}', '{forged.PreviousHash}', '{forged.Hash}', 1)
            """);
        var result = await Verify(db);
        Assert.Equal(forged.Id, result.FirstBrokenId);
        Assert.Contains($"审计链在第 {forged.Id} 条断开：该记录的内容被改动过", result.Message);
    }

    [Fact]
    public async Task TailCut_IsShorterThanTheCheckpoint()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var head = (await db.Query(c => AuditTrail.HeadAsync(c)))!;
        await TamperAsync(db, "DELETE FROM \"AuditEntries\" WHERE \"Id\" = (SELECT max(\"Id\") FROM \"AuditEntries\")");
        var result = await Verify(db);
        Assert.False(result.IsIntact);
        Assert.Contains($"审计链比最近的检查点短：检查点记录到第 {head.Id} 条，库中只到第 {head.Id - 1} 条", result.Message);
    }

    [Fact]
    public async Task TailCut_ThenAWriteThroughKaohe_IsStillFound()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var head = (await db.Query(c => AuditTrail.HeadAsync(c)))!;
        await TamperAsync(db, $"DELETE FROM \"AuditEntries\" WHERE \"Id\" >= {head.Id - 2}");
        // A later honest write must not move the checkpoint past the cut, which would hide it.
        await SignInEventAsync(db);
        var result = await Verify(db);
        Assert.False(result.IsIntact);
        Assert.Contains($"第 {head.Id} 条", result.Message);
    }

    [Theory]
    [InlineData(AuditHashKind.Sha256)]
    [InlineData(AuditHashKind.HmacSha256)]
    public async Task ChainRewrittenWithRecomputedPlainSha256_IsFound(AuditHashKind markedAs)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var target = await db.Query(c => c.AuditEntries.OrderBy(e => e.Id).Skip(30).Select(e => e.Id).FirstAsync());
        await RewriteChainAsync(db, e => e.Actor = e.Id == target ? "mallory" : e.Actor, markedAs);
        var result = await Verify(db);
        Assert.False(result.IsIntact);
        if (markedAs == AuditHashKind.HmacSha256) Assert.Equal(1, result.FirstBrokenId); // the first entry's HMAC fails
        else Assert.Contains("与检查点记录的不一致：它或它之前的链被改写过", result.Message);
    }

    [Fact]
    public async Task AChainFromBeforeTheKeys_VerifiesAsPlain_SaysItsSealsHaveNoCode_AndGoesOnKeyed()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        // A database as Kaohe left it before issue 22: plain SHA-256 entries, seals without a digest, no checkpoint.
        await RewriteChainAsync(db, e => e.After = e.After?.Contains(SealedData.DigestKey, StringComparison.Ordinal) == true ? "{\"units\":168}" : e.After, AuditHashKind.Sha256);
        File.Delete(DemoTemplates.CheckpointOf(db.Target.ConnectionString));
        var count = await db.Query(c => c.AuditEntries.LongCountAsync());

        var before = await Verify(db);
        Assert.True(before.IsIntact, before.Message);
        Assert.Contains($"其中前 {count} 条是升级前的 SHA-256 记录", before.Message);
        Assert.Contains("2018 年度封存时未记录校验码", before.Message);
        Assert.Contains("未找到检查点文件", before.Message);
        var notice = await db.Run<ComposeNotice, NoticeDocument>(h => h.HandleAsync(2018));
        Assert.StartsWith("封存校验码：封存时未记录　", notice.Verification);

        await SignInEventAsync(db);
        var head = (await db.Query(c => AuditTrail.HeadAsync(c)))!;
        var after = await Verify(db);
        Assert.True(after.IsIntact, after.Message);
        Assert.Contains($"与检查点（第 {head.Id} 条）一致", after.Message);
        Assert.Contains($"其中前 {count} 条是升级前的 SHA-256 记录", after.Message);
    }

    /// <summary>Recomputes every entry's plain SHA-256 after <paramref name="change"/>, as one without the key can.</summary>
    private static async Task RewriteChainAsync(TestDatabase db, Action<AuditEntry> change, AuditHashKind markedAs)
    {
        var entries = await db.Query(c => c.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync());
        var previous = AuditTrail.Genesis;
        var sql = new System.Text.StringBuilder();
        foreach (var e in entries)
        {
            change(e);
            (e.PreviousHash, e.HashKind) = (previous, markedAs);
            e.Hash = previous = AuditTrail.HashOf(e);
            sql.Append(System.Globalization.CultureInfo.InvariantCulture, $"UPDATE \"AuditEntries\" SET \"Actor\" = '{e.Actor}', \"After\" = {Quote(e.After)}, \"PreviousHash\" = '{e.PreviousHash}', \"Hash\" = '{e.Hash}', \"HashKind\" = {(int)markedAs} WHERE \"Id\" = {e.Id};\n");
        }
        await TamperAsync(db, sql.ToString());
    }

    private static string Quote(string? text) => text is null ? "NULL" : "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static Task<int> SignInEventAsync(TestDatabase db) => db.Query(async c =>
    {
        await AuditTrail.RecordAsync(c, new AuditDraft(AuditActions.SignIn, "UserAccount", null, null, null, null));
        return 0;
    });

    private static Task<AuditVerification> Verify(TestDatabase db) => db.Run<VerifyAuditChain, AuditVerification>(h => h.HandleAsync());

    private static Task<int> CampaignUnitAsync(TestDatabase db, int year, string unit) =>
        db.Query(c => c.CampaignUnits.Where(u => u.Campaign.Year == year && u.Unit.Name == unit && u.Unit.CityGroup.Name == "郑州市").Select(u => u.Id).SingleAsync());

    /// <summary>
    /// Runs SQL straight on the database, as its owner would. On PostgreSQL the audit table refuses changes by a
    /// trigger, which the owner of the table may disable: the attacker of issue 22.
    /// </summary>
    internal static Task TamperAsync(TestDatabase db, string sql) => db.Query(async c =>
    {
        var conn = c.Database.GetDbConnection();
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = c.Provider == DatabaseProvider.Postgres
            ? $"ALTER TABLE \"AuditEntries\" DISABLE TRIGGER USER;\n{sql};\nALTER TABLE \"AuditEntries\" ENABLE TRIGGER USER;"
            : sql;
        return await cmd.ExecuteNonQueryAsync();
    });
}

public sealed class SqliteSealAndChainTamperTests() : SealAndChainTamperTests(DatabaseProvider.Sqlite);

public sealed class PostgresSealAndChainTamperTests() : SealAndChainTamperTests(DatabaseProvider.Postgres)
{
    [Fact]
    public async Task AuditTable_RefusesUpdateDeleteAndTruncate_WithoutTheTriggerDisabled()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        foreach (var sql in (string[])["UPDATE \"AuditEntries\" SET \"Actor\" = 'mallory'", "DELETE FROM \"AuditEntries\"", "TRUNCATE \"AuditEntries\""])
        {
            var refused = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => db.Query(c => c.Database.ExecuteSqlRawAsync(sql)));
            Assert.Contains("审计日志只能追加", refused.MessageText);
        }
        Assert.True((await db.Run<VerifyAuditChain, AuditVerification>(h => h.HandleAsync())).IsIntact);
    }
}
