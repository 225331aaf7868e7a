using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clause.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class StructureEntitesEnfants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_Contrats_Dates",
                table: "Contrats");

            migrationBuilder.AlterColumn<string>(
                name: "Prescripteur",
                table: "Participants",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(40)",
                oldMaxLength: 40);

            migrationBuilder.AddColumn<Guid>(
                name: "StructureId",
                table: "ObligationsInsertion",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AlterColumn<DateOnly>(
                name: "FinPrevue",
                table: "Contrats",
                type: "date",
                nullable: true,
                oldClrType: typeof(DateOnly),
                oldType: "date");

            migrationBuilder.AddColumn<Guid>(
                name: "StructureId",
                table: "ContactsEntreprise",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "StructureId",
                table: "ContactsDonneurOrdre",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "StructureId",
                table: "BonsCommande",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Data step (portable SQL, SQLite and SQL Server): each child row takes the structure of its parent, before the
            // foreign keys check it; audit rows written for child entities without a structure get it from their root.
            migrationBuilder.Sql("UPDATE [ObligationsInsertion] SET [StructureId] = (SELECT [l].[StructureId] FROM [Lots] AS [l] WHERE [l].[Id] = [ObligationsInsertion].[LotId]);");
            migrationBuilder.Sql("UPDATE [BonsCommande] SET [StructureId] = (SELECT [l].[StructureId] FROM [Lots] AS [l] WHERE [l].[Id] = [BonsCommande].[LotId]);");
            migrationBuilder.Sql("UPDATE [ContactsEntreprise] SET [StructureId] = (SELECT [e].[StructureId] FROM [Entreprises] AS [e] WHERE [e].[Id] = [ContactsEntreprise].[EntrepriseId]);");
            migrationBuilder.Sql("UPDATE [ContactsDonneurOrdre] SET [StructureId] = (SELECT [d].[StructureId] FROM [DonneursOrdre] AS [d] WHERE [d].[Id] = [ContactsDonneurOrdre].[DonneurOrdreId]);");
            migrationBuilder.Sql("UPDATE [JournalAudit] SET [StructureId] = (SELECT [l].[StructureId] FROM [Lots] AS [l] WHERE [l].[Id] = [JournalAudit].[RacineId]) "
                + "WHERE [StructureId] IS NULL AND [TypeEntite] IN ('ObligationInsertion', 'BonCommande');");
            migrationBuilder.Sql("UPDATE [JournalAudit] SET [StructureId] = (SELECT [e].[StructureId] FROM [Entreprises] AS [e] WHERE [e].[Id] = [JournalAudit].[RacineId]) "
                + "WHERE [StructureId] IS NULL AND [TypeEntite] = 'ContactEntreprise';");
            migrationBuilder.Sql("UPDATE [JournalAudit] SET [StructureId] = (SELECT [d].[StructureId] FROM [DonneursOrdre] AS [d] WHERE [d].[Id] = [JournalAudit].[RacineId]) "
                + "WHERE [StructureId] IS NULL AND [TypeEntite] = 'ContactDonneurOrdre';");
            migrationBuilder.Sql("UPDATE [JournalAudit] SET [StructureId] = [EntiteId] WHERE [StructureId] IS NULL AND [TypeEntite] = 'Structure';");

            migrationBuilder.CreateIndex(
                name: "IX_ObligationsInsertion_StructureId_LotId",
                table: "ObligationsInsertion",
                columns: new[] { "StructureId", "LotId" });

            migrationBuilder.AddCheckConstraint(
                name: "CK_Contrats_Dates",
                table: "Contrats",
                sql: "([FinPrevue] IS NULL OR [FinPrevue] >= [DateDebut]) AND ([FinReelle] IS NULL OR [FinReelle] >= [DateDebut])");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Contrats_FinPrevue",
                table: "Contrats",
                sql: "[FinPrevue] IS NOT NULL OR [TypeContrat] = 'CDI' OR [TypeContrat] = 'CDIInclusion'");

            migrationBuilder.CreateIndex(
                name: "IX_ContactsEntreprise_StructureId_EntrepriseId",
                table: "ContactsEntreprise",
                columns: new[] { "StructureId", "EntrepriseId" });

            migrationBuilder.CreateIndex(
                name: "IX_ContactsDonneurOrdre_StructureId_DonneurOrdreId",
                table: "ContactsDonneurOrdre",
                columns: new[] { "StructureId", "DonneurOrdreId" });

            migrationBuilder.CreateIndex(
                name: "IX_BonsCommande_StructureId_LotId",
                table: "BonsCommande",
                columns: new[] { "StructureId", "LotId" });

            migrationBuilder.AddForeignKey(
                name: "FK_BonsCommande_Structures_StructureId",
                table: "BonsCommande",
                column: "StructureId",
                principalTable: "Structures",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ContactsDonneurOrdre_Structures_StructureId",
                table: "ContactsDonneurOrdre",
                column: "StructureId",
                principalTable: "Structures",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ContactsEntreprise_Structures_StructureId",
                table: "ContactsEntreprise",
                column: "StructureId",
                principalTable: "Structures",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ObligationsInsertion_Structures_StructureId",
                table: "ObligationsInsertion",
                column: "StructureId",
                principalTable: "Structures",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_BonsCommande_Structures_StructureId",
                table: "BonsCommande");

            migrationBuilder.DropForeignKey(
                name: "FK_ContactsDonneurOrdre_Structures_StructureId",
                table: "ContactsDonneurOrdre");

            migrationBuilder.DropForeignKey(
                name: "FK_ContactsEntreprise_Structures_StructureId",
                table: "ContactsEntreprise");

            migrationBuilder.DropForeignKey(
                name: "FK_ObligationsInsertion_Structures_StructureId",
                table: "ObligationsInsertion");

            migrationBuilder.DropIndex(
                name: "IX_ObligationsInsertion_StructureId_LotId",
                table: "ObligationsInsertion");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Contrats_Dates",
                table: "Contrats");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Contrats_FinPrevue",
                table: "Contrats");

            migrationBuilder.DropIndex(
                name: "IX_ContactsEntreprise_StructureId_EntrepriseId",
                table: "ContactsEntreprise");

            migrationBuilder.DropIndex(
                name: "IX_ContactsDonneurOrdre_StructureId_DonneurOrdreId",
                table: "ContactsDonneurOrdre");

            migrationBuilder.DropIndex(
                name: "IX_BonsCommande_StructureId_LotId",
                table: "BonsCommande");

            migrationBuilder.DropColumn(
                name: "StructureId",
                table: "ObligationsInsertion");

            migrationBuilder.DropColumn(
                name: "StructureId",
                table: "ContactsEntreprise");

            migrationBuilder.DropColumn(
                name: "StructureId",
                table: "ContactsDonneurOrdre");

            migrationBuilder.DropColumn(
                name: "StructureId",
                table: "BonsCommande");

            migrationBuilder.AlterColumn<string>(
                name: "Prescripteur",
                table: "Participants",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "nvarchar(40)",
                oldMaxLength: 40,
                oldNullable: true);

            migrationBuilder.AlterColumn<DateOnly>(
                name: "FinPrevue",
                table: "Contrats",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1),
                oldClrType: typeof(DateOnly),
                oldType: "date",
                oldNullable: true);

            migrationBuilder.AddCheckConstraint(
                name: "CK_Contrats_Dates",
                table: "Contrats",
                sql: "[FinPrevue] >= [DateDebut] AND ([FinReelle] IS NULL OR [FinReelle] >= [DateDebut])");
        }
    }
}
