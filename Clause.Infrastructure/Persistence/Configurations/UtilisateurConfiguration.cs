using Clause.Domain.DonneursOrdre;
using Clause.Domain.Entreprises;
using Clause.Domain.Structures;
using Clause.Infrastructure.Identite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clause.Infrastructure.Persistence.Configurations;

internal sealed class UtilisateurConfiguration : IEntityTypeConfiguration<Utilisateur>
{
    public void Configure(EntityTypeBuilder<Utilisateur> builder)
    {
        builder.Property(u => u.NomComplet).HasMaxLength(Utilisateur.NomCompletLongueurMax).IsRequired();
        builder.HasOne<Structure>().WithMany().HasForeignKey(u => u.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Entreprise>().WithMany().HasForeignKey(u => u.EntrepriseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DonneurOrdre>().WithMany().HasForeignKey(u => u.DonneurOrdreId).OnDelete(DeleteBehavior.Restrict);
    }
}
