using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Collection;
using Kaohe.Features.Collection;
using Kaohe.Tests.Features.Ledger;
using Kaohe.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaohe.Tests.Features.Collection;

/// <summary>还款提醒函 and 逾期催收函: the province's text, filled in per case, as a PDF and a .docx, registered as sent on request.</summary>
public sealed partial class CollectionLetterTests(KaoheApp app) : IClassFixture<KaoheApp>
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    private async Task<T> DbAsync<T>(Func<KaoheDbContext, Task<T>> query)
    {
        await using var scope = app.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<KaoheDbContext>());
    }

    private Task<List<CollectionCase>> OpenCasesAsync(string unit) =>
        DbAsync(db => db.CollectionCases.Where(c => c.Unit.Name == unit && c.ClosedOn == null).OrderBy(c => c.Id).ToListAsync());

    [Fact]
    public void TheText_FillsEveryPlaceholder_AndRefusesUnknownOnesAndIdNumbers()
    {
        var text = LetterText.Parse(LetterKind.Overdue, "{姓名}的催收函", "欠{逾期金额}（本金{逾期本金}），{逾期天数}天，请于{还款期限}前还款。\n{中心名称}，{中心地址}");
        var letter = text.Render(7, new LetterFacts("李四", null, "HT-1", 1_000_00, 23_45, new DateOnly(2025, 12, 20), 30,
            new DateOnly(2026, 2, 1), "某县学生资助管理中心", null, "0371-1", new DateOnly(2026, 1, 19)));
        Assert.Equal("李四的催收函", letter.Title);
        Assert.Equal("李四同学：", letter.Salutation);  // no co-borrower on the contract: addressed to the borrower alone
        Assert.Equal(["欠1023.45元（本金1000.00元），30天，请于2026年2月1日前还款。", "某县学生资助管理中心，（未登记中心地址）"], letter.Paragraphs);

        var unknown = Assert.Throws<KaoheException>(() => LetterText.Parse(LetterKind.Overdue, "函", "你的{身份证号}"));
        Assert.Contains("{身份证号}", Assert.Single(unknown.Errors[LetterTexts.BodyField]), StringComparison.Ordinal);
        var number = Assert.Throws<KaoheException>(() => LetterText.Parse(LetterKind.Overdue, "函", "身份证 410103200001010015"));
        Assert.Equal([LetterTexts.LongNumber], number.Errors[LetterTexts.BodyField]);
        Assert.True(Assert.Throws<KaoheException>(() => LetterText.Parse(LetterKind.Reminder, "", "x")).Errors.ContainsKey(LetterTexts.TitleField));
        foreach (var kind in Enum.GetValues<LetterKind>()) Assert.NotNull(LetterText.Parse(kind, LetterTexts.DefaultTitle(kind), LetterTexts.DefaultBody(kind)));
    }

    [Fact]
    public async Task TheCounty_GetsOneMergedPdfAndADocx_WithItsCentresAddress_AndRegisteredLettersBecomeContactRecords()
    {
        var erqi = await app.SignedInAsync("erqi");
        var cases = await OpenCasesAsync("二七区");
        Assert.True(cases.Count >= 2, "the demo gives 二七区 open cases");
        var unit = cases[0].UnitId;
        Assert.Equal(HttpStatusCode.NoContent, (await erqi.PutAsJsonAsync($"/api/collection/units/{unit}/centre", new { address = "郑州市二七区大学路 1 号", phone = "0371-68000000" })).StatusCode);

        var two = new { kind = LetterKind.Overdue, caseIds = new[] { cases[0].Id, cases[1].Id }, deadline = "2099-01-31", record = true };
        var before = await DbAsync(db => db.ContactRecords.CountAsync(r => r.Channel == ContactChannel.Letter));
        var pdf = await erqi.PostAsJsonAsync($"/api/collection/units/{unit}/letters", two);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = PdfText.Of(await pdf.Content.ReadAsByteArrayAsync());
        if (text is not null)
        {
            var flat = Regex.Replace(text, @"\s+", "");
            Assert.Equal(2, Regex.Count(flat, "生源地信用助学贷款逾期催收函"));
            Assert.Contains(cases[0].BorrowerName + "同学", flat, StringComparison.Ordinal);
            Assert.Contains(cases[1].BorrowerName + "同学", flat, StringComparison.Ordinal);
            Assert.Contains("2099年1月31日", flat, StringComparison.Ordinal);
            Assert.Contains("郑州市二七区大学路1号", flat, StringComparison.Ordinal);
            Assert.Contains("0371-68000000", flat, StringComparison.Ordinal);
            Assert.Contains(cases[0].ContractNumbers.Split('、')[0], flat, StringComparison.Ordinal);
        }
        var records = await DbAsync(db => db.ContactRecords.Where(r => r.Channel == ContactChannel.Letter).ToListAsync());
        Assert.Equal(before + 2, records.Count);
        Assert.All(records.TakeLast(2), r => Assert.Equal((ContactResult.LetterSent, "erqi"), (r.Result, r.RecordedBy)));
        Assert.Equal([cases[0].Id, cases[1].Id], records.TakeLast(2).Select(r => r.CaseId).Order());

        var docx = await erqi.PostAsJsonAsync($"/api/collection/units/{unit}/letters?format=docx", two with { record = false });
        using var doc = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        var body = doc.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains(cases[0].BorrowerName + "同学", body, StringComparison.Ordinal);
        Assert.Contains("二七区学生资助管理中心", body, StringComparison.Ordinal);
        Assert.Equal(before + 2, await DbAsync(db => db.ContactRecords.CountAsync(r => r.Channel == ContactChannel.Letter))); // not registered
    }

    [Fact]
    public async Task OnlyTheUnitsCounty_WritesLetters_AndAnotherUnitsCaseIsNotFound()
    {
        var zhongyuan = await OpenCasesAsync("中原区");
        var erqiCases = await OpenCasesAsync("二七区");
        var body = new { kind = LetterKind.Reminder };
        var city = await app.SignedInAsync("zhengzhou");
        var cityAnswer = await city.PostAsJsonAsync($"/api/collection/units/{erqiCases[0].UnitId}/letters", body);
        Assert.Equal(HttpStatusCode.Forbidden, cityAnswer.StatusCode);
        Assert.Equal(LetterTexts.LettersForbidden, (await cityAnswer.Content.ReadFromJsonAsync<ProblemDetails>())!.Title);
        var erqi = await app.SignedInAsync("erqi");
        Assert.NotEmpty(zhongyuan); // the demo ledger gives 中原区, erqi's neighbour, open cases too
        Assert.Equal(HttpStatusCode.NotFound, (await erqi.PostAsJsonAsync($"/api/collection/units/{zhongyuan[0].UnitId}/letters", body)).StatusCode);
        var foreignCase = await erqi.PostAsJsonAsync($"/api/collection/units/{erqiCases[0].UnitId}/letters", new { kind = LetterKind.Reminder, caseIds = new[] { int.MaxValue } });
        Assert.Equal(HttpStatusCode.NotFound, foreignCase.StatusCode);
        var past = await erqi.PostAsJsonAsync($"/api/collection/units/{erqiCases[0].UnitId}/letters", new { kind = LetterKind.Reminder, deadline = "2001-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await erqi.PostAsJsonAsync($"/api/collection/units/{erqiCases[0].UnitId}/letters", new { kind = 9 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await city.PutAsJsonAsync($"/api/collection/units/{erqiCases[0].UnitId}/centre", new { phone = "0371" })).StatusCode);
        var badPhone = await erqi.PutAsJsonAsync($"/api/collection/units/{erqiCases[0].UnitId}/centre", new { phone = "电话号码" });
        Assert.Equal(HttpStatusCode.BadRequest, badPhone.StatusCode);
        Assert.Contains(LetterTexts.PhoneField, await badPhone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheProvince_EditsTheText_WithAPreview_AndTheLettersUseIt()
    {
        var admin = await app.SignedInAsync("admin");
        var refused = await admin.PutAsJsonAsync("/api/collection/letter-templates/Reminder", new { title = "提醒", body = "请还{欠款}" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("{欠款}", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/collection/letter-templates/9", new { title = "提醒", body = "请还款" })).StatusCode);
        var county = await app.SignedInAsync("erqi");
        Assert.Equal(HttpStatusCode.Forbidden, (await county.PutAsJsonAsync("/api/collection/letter-templates/Reminder", new { title = "提醒", body = "请还款" })).StatusCode);

        // The page previews an unsaved text with made-up facts, then saves it.
        var page = await admin.GetStringAsync("/Collection/LetterTemplates");
        Assert.Contains("系统默认文本", page, StringComparison.Ordinal);
        var token = Token().Match(page).Groups[1].Value;
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["kind"] = "Reminder", ["title"] = "还款提醒（{姓名}）", ["body"] = "请于{还款期限}前还清{逾期金额}。", ["preview"] = "true" };
        var preview = await (await admin.PostAsync("/Collection/LetterTemplates", new FormUrlEncodedContent(form))).Content.ReadAsStringAsync();
        Assert.Contains("还款提醒（张三）", preview, StringComparison.Ordinal);
        Assert.Equal(0, await DbAsync(db => db.LetterTemplates.CountAsync()));
        form.Remove("preview");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/Collection/LetterTemplates", new FormUrlEncodedContent(form))).StatusCode);
        Assert.Equal("请于{还款期限}前还清{逾期金额}。", (await DbAsync(db => db.LetterTemplates.SingleAsync(t => t.Kind == LetterKind.Reminder))).Body);
        Assert.True(await DbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(LetterTemplate))));

        var c = (await OpenCasesAsync("二七区"))[0];
        var docx = await county.PostAsJsonAsync($"/api/collection/units/{c.UnitId}/letters?format=docx", new { kind = LetterKind.Reminder, caseIds = new[] { c.Id } });
        using var doc = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        Assert.Contains($"还款提醒（{c.BorrowerName}）", doc.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);

        // The saved text, like the centre's address, is a change Kaohe audited: the data check finds nothing amiss.
        Assert.Equal(HttpStatusCode.NoContent, (await county.PutAsJsonAsync($"/api/collection/units/{c.UnitId}/centre", new { address = "二七区某路 2 号", phone = "0371-1234567" })).StatusCode);
        await using var scope = app.Scope();
        var check = await scope.ServiceProvider.GetRequiredService<Kaohe.Features.Audit.CheckAuditedData>().HandleAsync(TestContext.Current.CancellationToken);
        Assert.True(check.IsClean, string.Join("\n", check.Differences));
    }
}
