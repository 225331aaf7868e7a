using Clause.Domain.Contrats;
using Clause.Domain.Heures;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Persistence;

public abstract partial class ClauseDbContext
{
    public DbSet<Contrat> Contrats => Set<Contrat>();

    /// <summary>One line per (contrat, month), mirroring its current version; LotId and ParticipantId are copied from the contrat.</summary>
    public DbSet<DeclarationHeures> DeclarationsHeures => Set<DeclarationHeures>();

    /// <summary>Tenant-scoped like their line (they carry StructureId).</summary>
    public DbSet<VersionDeclaration> VersionsDeclaration => Set<VersionDeclaration>();
}
