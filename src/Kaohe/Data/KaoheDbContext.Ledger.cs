using Kaohe.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Data;

public abstract partial class KaoheDbContext
{
    public DbSet<LedgerSnapshot> LedgerSnapshots => Set<LedgerSnapshot>();
    public DbSet<Instalment> Instalments => Set<Instalment>();
    public DbSet<LedgerBorrower> LedgerBorrowers => Set<LedgerBorrower>();
    public DbSet<Contract> Contracts => Set<Contract>();
}
