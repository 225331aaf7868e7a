using Clause.Domain.Contrats;
using Clause.Domain.Participants;
using Clause.Domain.Structures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clause.Infrastructure.Persistence.Configurations;

// The rights a participant exercised (issue 16 item 11): a rectification has the date of its request, an access export none.
internal sealed class DemandeDroitConfiguration : IEntityTypeConfiguration<DemandeDroit>
{
    public void Configure(EntityTypeBuilder<DemandeDroit> builder)
    {
        builder.ToTable("DemandesDroits", t =>
            t.HasCheckConstraint("CK_DemandesDroits_Date",
                "([Type] = 'Rectification' AND [DateDemande] IS NOT NULL) OR ([Type] = 'Acces' AND [DateDemande] IS NULL)"));
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Ignore(d => d.RacineId);
        builder.Property(d => d.AuteurNom).HasMaxLength(Auteur.NomLongueurMax).IsRequired();
        builder.HasOne<Structure>().WithMany().HasForeignKey(d => d.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Participant>().WithMany().HasForeignKey(d => d.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        // The participant's page and export: its requests, newest first.
        builder.HasIndex(d => new { d.StructureId, d.ParticipantId, d.DateReponse });
    }
}
