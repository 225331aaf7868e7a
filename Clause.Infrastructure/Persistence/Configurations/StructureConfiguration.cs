using Clause.Domain.Commun;
using Clause.Domain.Structures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clause.Infrastructure.Persistence.Configurations;

internal sealed class StructureConfiguration : IEntityTypeConfiguration<Structure>
{
    public void Configure(EntityTypeBuilder<Structure> builder)
    {
        builder.ToTable("Structures");
        builder.Property(s => s.Nom).HasMaxLength(Structure.NomLongueurMax).IsRequired();
        builder.Property(s => s.Commune).HasMaxLength(Structure.CommuneLongueurMax);
        builder.HasIndex(s => s.Nom).IsUnique();
        // The normalised copy the administrator's search compares (TexteRecherche); a global table, no StructureId.
        builder.Property(s => s.Recherche).HasMaxLength(TexteRecherche.LongueurMax).IsRequired();
        builder.HasIndex(s => s.Recherche);
    }
}
