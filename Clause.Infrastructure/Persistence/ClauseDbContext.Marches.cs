using Clause.Domain.Marches;
using Clause.Domain.Operations;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Persistence;

public abstract partial class ClauseDbContext
{
    public DbSet<Operation> Operations => Set<Operation>();

    public DbSet<Marche> Marches => Set<Marche>();

    public DbSet<Lot> Lots => Set<Lot>();

    public DbSet<ObligationInsertion> ObligationsInsertion => Set<ObligationInsertion>();

    public DbSet<BonCommande> BonsCommande => Set<BonCommande>();

    /// <summary>Every company's role on every lot; query by EntrepriseId (indexed) for "a company's lots".</summary>
    public DbSet<Attribution> Attributions => Set<Attribution>();
}
