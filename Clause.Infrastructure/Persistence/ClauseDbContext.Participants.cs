using Clause.Domain.Participants;
using Clause.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Persistence;

public abstract partial class ClauseDbContext
{
    public DbSet<Participant> Participants => Set<Participant>();

    /// <summary>Tenant-scoped like their participant (they carry StructureId).</summary>
    public DbSet<DecisionEligibilite> DecisionsEligibilite => Set<DecisionEligibilite>();

    public DbSet<CategorieDecision> CategoriesDecision => Set<CategorieDecision>();

    /// <summary>The rights the participants exercised (access exports, rectifications on request): issue 16 item 11.</summary>
    public DbSet<DemandeDroit> DemandesDroits => Set<DemandeDroit>();

    public DbSet<JournalAccesDonneesSensibles> JournalAccesDonneesSensibles => Set<JournalAccesDonneesSensibles>();
}
