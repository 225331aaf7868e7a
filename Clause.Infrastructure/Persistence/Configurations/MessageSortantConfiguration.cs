using Clause.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clause.Infrastructure.Persistence.Configurations;

internal sealed class MessageSortantConfiguration : IEntityTypeConfiguration<MessageSortant>
{
    public void Configure(EntityTypeBuilder<MessageSortant> builder)
    {
        builder.ToTable("BoiteEnvoi");
        builder.Property(m => m.CleIdempotence).HasMaxLength(MessageSortant.CleLongueurMax).IsRequired();
        builder.Property(m => m.Destinataire).HasMaxLength(256).IsRequired();
        builder.Property(m => m.NomDestinataire).HasMaxLength(300).IsRequired();
        builder.Property(m => m.Sujet).HasMaxLength(300).IsRequired();
        builder.Property(m => m.Html).IsRequired();
        builder.Property(m => m.Texte).IsRequired();
        builder.Property(m => m.PieceJointeNom).HasMaxLength(PieceJointe.NomLongueurMax);
        builder.Property(m => m.PieceJointeType).HasMaxLength(PieceJointe.TypeLongueurMax);
        builder.Ignore(m => m.PieceJointe);
        builder.Property(m => m.Statut).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.DerniereErreur).HasMaxLength(MessageSortant.ErreurLongueurMax);
        builder.Ignore(m => m.IdentifiantMessage);
        // The idempotency key is the rule "one mail per cause": the database refuses a second one.
        builder.HasIndex(m => m.CleIdempotence).IsUnique();
        // The sender's query: pending mails due now.
        builder.HasIndex(m => new { m.Statut, m.ProchainEssaiLe });
        // The Direction's page: its structure's mails, newest first.
        builder.HasIndex(m => new { m.StructureId, m.DeposeLe });
    }
}
