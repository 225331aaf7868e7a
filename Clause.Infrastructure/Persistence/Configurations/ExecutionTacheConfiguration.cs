using Clause.Infrastructure.Taches;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clause.Infrastructure.Persistence.Configurations;

internal sealed class ExecutionTacheConfiguration : IEntityTypeConfiguration<ExecutionTache>
{
    public void Configure(EntityTypeBuilder<ExecutionTache> builder)
    {
        builder.ToTable("ExecutionsTaches");
        builder.Property(e => e.Cle).HasMaxLength(ExecutionTache.CleLongueurMax).IsRequired();
        builder.Property(e => e.Declenchement).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Resultat).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Message).HasMaxLength(ExecutionTache.MessageLongueurMax);
        builder.Property(e => e.Noeud).HasMaxLength(ExecutionTache.NoeudLongueurMax).IsRequired();
        builder.Ignore(e => e.DureeMillisecondes);
        // The admin page reads the last runs of each job.
        builder.HasIndex(e => new { e.Cle, e.DebutLe });
        builder.HasIndex(e => new { e.Noeud, e.Resultat });
    }
}
