using Kaohe.Domain.Units;

namespace Kaohe.Domain.Accounts;

/// <summary>A person who signs in. What they may see follows from <see cref="Role"/> and the unit or city bound to it.</summary>
public sealed class UserAccount
{
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public int Id { get; set; }
    public required string UserName { get; set; }
    public required string DisplayName { get; set; }
    public Role Role { get; set; }

    /// <summary>The county a county operator works for.</summary>
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }

    /// <summary>The city a city reviewer works for, or an expert's home city (for conflict checks).</summary>
    public int? CityGroupId { get; set; }
    public CityGroup? CityGroup { get; set; }

    [Kaohe.Domain.Audit.AuditRedacted]
    public string PasswordHash { get; set; } = "";
    public int FailedSignIns { get; set; }
    public DateTime? LockedUntilUtc { get; set; }
    public bool IsActive { get; set; } = true;

    public bool IsLockedOut(DateTime nowUtc) => LockedUntilUtc is { } until && until > nowUtc;

    /// <summary>
    /// Counts a failed sign-in (<see cref="FailedSignIns"/> are those since the last success or lock). When the recent
    /// failures came from <paramref name="addressesThatLock"/> or more addresses, the account is locked for 15 minutes:
    /// one address alone is throttled, never lets it lock an official out.
    /// </summary>
    public void RecordFailedSignIn(DateTime nowUtc, int failingAddresses, int addressesThatLock)
    {
        FailedSignIns++;
        if (failingAddresses >= addressesThatLock)
        {
            LockedUntilUtc = nowUtc + LockoutDuration;
            FailedSignIns = 0;
        }
    }

    public void RecordSuccessfulSignIn()
    {
        FailedSignIns = 0;
        LockedUntilUtc = null;
    }

    /// <summary>Checks that the role has the binding it needs, and returns a Chinese message if not.</summary>
    public string? BindingProblem() => Role switch
    {
        Role.CountyOperator when UnitId is null => "县资助中心经办人必须指定所属单位",
        Role.CityReviewer when CityGroupId is null => "市资助中心评审员必须指定所属市",
        _ => null,
    };
}
