using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clause.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class S11ListesRecherche : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Recherche",
                table: "Structures",
                type: "nvarchar(800)",
                maxLength: 800,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Recherche",
                table: "Participants",
                type: "nvarchar(800)",
                maxLength: 800,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "RechercheCommune",
                table: "Participants",
                type: "nvarchar(800)",
                maxLength: 800,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Recherche",
                table: "Operations",
                type: "nvarchar(800)",
                maxLength: 800,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Recherche",
                table: "Marches",
                type: "nvarchar(800)",
                maxLength: 800,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Recherche",
                table: "Lots",
                type: "nvarchar(800)",
                maxLength: 800,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AlterColumn<Guid>(
                name: "ParticipantId",
                table: "JournalAccesDonneesSensibles",
                type: "uniqueidentifier",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uniqueidentifier");

            migrationBuilder.AddColumn<string>(
                name: "Recherche",
                table: "Entreprises",
                type: "nvarchar(800)",
                maxLength: 800,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Recherche",
                table: "DonneursOrdre",
                type: "nvarchar(800)",
                maxLength: 800,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Structures_Recherche",
                table: "Structures",
                column: "Recherche");

            migrationBuilder.CreateIndex(
                name: "IX_Participants_StructureId_Recherche",
                table: "Participants",
                columns: new[] { "StructureId", "Recherche" });

            migrationBuilder.CreateIndex(
                name: "IX_Participants_StructureId_RechercheCommune",
                table: "Participants",
                columns: new[] { "StructureId", "RechercheCommune" });

            migrationBuilder.CreateIndex(
                name: "IX_Operations_StructureId_Recherche",
                table: "Operations",
                columns: new[] { "StructureId", "Recherche" });

            migrationBuilder.CreateIndex(
                name: "IX_Marches_StructureId_Recherche",
                table: "Marches",
                columns: new[] { "StructureId", "Recherche" });

            migrationBuilder.CreateIndex(
                name: "IX_Lots_StructureId_Recherche",
                table: "Lots",
                columns: new[] { "StructureId", "Recherche" });

            migrationBuilder.CreateIndex(
                name: "IX_Entreprises_StructureId_Recherche",
                table: "Entreprises",
                columns: new[] { "StructureId", "Recherche" });

            migrationBuilder.CreateIndex(
                name: "IX_DonneursOrdre_StructureId_Recherche",
                table: "DonneursOrdre",
                columns: new[] { "StructureId", "Recherche" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Structures_Recherche",
                table: "Structures");

            migrationBuilder.DropIndex(
                name: "IX_Participants_StructureId_Recherche",
                table: "Participants");

            migrationBuilder.DropIndex(
                name: "IX_Participants_StructureId_RechercheCommune",
                table: "Participants");

            migrationBuilder.DropIndex(
                name: "IX_Operations_StructureId_Recherche",
                table: "Operations");

            migrationBuilder.DropIndex(
                name: "IX_Marches_StructureId_Recherche",
                table: "Marches");

            migrationBuilder.DropIndex(
                name: "IX_Lots_StructureId_Recherche",
                table: "Lots");

            migrationBuilder.DropIndex(
                name: "IX_Entreprises_StructureId_Recherche",
                table: "Entreprises");

            migrationBuilder.DropIndex(
                name: "IX_DonneursOrdre_StructureId_Recherche",
                table: "DonneursOrdre");

            migrationBuilder.DropColumn(
                name: "Recherche",
                table: "Structures");

            migrationBuilder.DropColumn(
                name: "Recherche",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "RechercheCommune",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "Recherche",
                table: "Operations");

            migrationBuilder.DropColumn(
                name: "Recherche",
                table: "Marches");

            migrationBuilder.DropColumn(
                name: "Recherche",
                table: "Lots");

            migrationBuilder.DropColumn(
                name: "Recherche",
                table: "Entreprises");

            migrationBuilder.DropColumn(
                name: "Recherche",
                table: "DonneursOrdre");

            migrationBuilder.AlterColumn<Guid>(
                name: "ParticipantId",
                table: "JournalAccesDonneesSensibles",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uniqueidentifier",
                oldNullable: true);
        }
    }
}
