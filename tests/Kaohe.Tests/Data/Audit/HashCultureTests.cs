using System.Globalization;
using Kaohe.Data;
using Kaohe.Domain.Audit;
using Kaohe.Domain.Collection;

namespace Kaohe.Tests.Data.Audit;

/// <summary>
/// The audit chain's and the contact trail's hashes are the same whatever culture the process runs in: they formatted
/// dates with the current culture, so a server started under th-TH (Buddhist calendar: year 2569) would have found
/// every entry written under zh-CN altered.
/// </summary>
public sealed class HashCultureTests
{
    [Theory]
    [InlineData("th-TH")]
    [InlineData("ar-SA")]
    [InlineData("fa-IR")]
    public void Hashes_DoNotDependOnTheCulture(string culture)
    {
        var entry = new AuditEntry { AtUtc = new DateTime(2026, 12, 4, 1, 2, 3, 456, DateTimeKind.Utc), Actor = "admin", Action = AuditActions.Update, EntityType = "Unit", EntityId = "7", PreviousHash = "", Hash = "" };
        var contact = new ContactRecord
        {
            CaseId = 1, UnitId = 2, ContactedAtUtc = new DateTime(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc), Channel = ContactChannel.Phone, Party = ContactParty.Borrower,
            Result = ContactResult.Promised, PromisedFen = 10_000, PromisedOn = new DateOnly(2026, 12, 20), NextActionOn = new DateOnly(2026, 12, 21),
            RecordedBy = "erqi", RecordedAtUtc = new DateTime(2026, 12, 1, 2, 5, 0, DateTimeKind.Utc), Hash = "",
        };
        var (auditHash, contactHash) = Under("zh-CN", () => (AuditTrail.HashOf(entry), contact.ComputeHash()));

        Assert.Equal((auditHash, contactHash), Under(culture, () => (AuditTrail.HashOf(entry), contact.ComputeHash())));
    }

    private static T Under<T>(string culture, Func<T> action)
    {
        var (current, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (current, ui);
        }
    }
}
