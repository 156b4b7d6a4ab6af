using Kaohe.Domain.Notices;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Data;

public abstract partial class KaoheDbContext
{
    public DbSet<NoticeDraft> NoticeDrafts => Set<NoticeDraft>();
}
