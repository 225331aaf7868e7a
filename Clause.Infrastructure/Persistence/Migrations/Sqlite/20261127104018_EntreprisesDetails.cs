using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clause.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EntreprisesDetails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Adresse",
                table: "Entreprises",
                type: "TEXT",
                maxLength: 250,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CodeNaf",
                table: "Entreprises",
                type: "TEXT",
                maxLength: 5,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CodePostal",
                table: "Entreprises",
                type: "TEXT",
                maxLength: 5,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Commune",
                table: "Entreprises",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TrancheEffectif",
                table: "Entreprises",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ContactsEntreprise",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntrepriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Nom = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Telephone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactsEntreprise", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactsEntreprise_Entreprises_EntrepriseId",
                        column: x => x.EntrepriseId,
                        principalTable: "Entreprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Entreprises_StructureId_RaisonSociale",
                table: "Entreprises",
                columns: new[] { "StructureId", "RaisonSociale" });

            migrationBuilder.CreateIndex(
                name: "IX_ContactsEntreprise_EntrepriseId",
                table: "ContactsEntreprise",
                column: "EntrepriseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContactsEntreprise");

            migrationBuilder.DropIndex(
                name: "IX_Entreprises_StructureId_RaisonSociale",
                table: "Entreprises");

            migrationBuilder.DropColumn(
                name: "Adresse",
                table: "Entreprises");

            migrationBuilder.DropColumn(
                name: "CodeNaf",
                table: "Entreprises");

            migrationBuilder.DropColumn(
                name: "CodePostal",
                table: "Entreprises");

            migrationBuilder.DropColumn(
                name: "Commune",
                table: "Entreprises");

            migrationBuilder.DropColumn(
                name: "TrancheEffectif",
                table: "Entreprises");
        }
    }
}
