using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clause.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BilansSessionsAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "InactiviteSessionMinutes",
                table: "Reglages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 120);

            migrationBuilder.AddColumn<string>(
                name: "Empreinte",
                table: "JournalAudit",
                type: "TEXT",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmpreinteChangements",
                table: "JournalAudit",
                type: "TEXT",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmpreintePrecedente",
                table: "JournalAudit",
                type: "TEXT",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PurgeLe",
                table: "JournalAudit",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "JournalAudit",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SituationApres",
                table: "Contrats",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "PieceJointeContenu",
                table: "BoiteEnvoi",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PieceJointeNom",
                table: "BoiteEnvoi",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PieceJointeType",
                table: "BoiteEnvoi",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EnvoisBilans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DonneurOrdreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Perimetre = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PerimetreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LibellePerimetre = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Du = table.Column<int>(type: "INTEGER", nullable: false),
                    Au = table.Column<int>(type: "INTEGER", nullable: false),
                    EnvoyeParId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EnvoyeParNom = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EnvoyeLe = table.Column<long>(type: "INTEGER", nullable: false),
                    Destinataires = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    NombreDestinataires = table.Column<int>(type: "INTEGER", nullable: false),
                    NomFichier = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnvoisBilans", x => x.Id);
                    table.CheckConstraint("CK_EnvoisBilans_Destinataires", "[NombreDestinataires] >= 1 AND [NombreDestinataires] <= 20");
                    table.CheckConstraint("CK_EnvoisBilans_Mois", "[Du] >= 190001 AND [Au] <= 299912 AND [Du] <= [Au]");
                    table.CheckConstraint("CK_EnvoisBilans_Perimetre", "[Perimetre] IN ('Lot', 'Marche', 'Operation', 'DonneurOrdre')");
                    table.ForeignKey(
                        name: "FK_EnvoisBilans_DonneursOrdre_DonneurOrdreId",
                        column: x => x.DonneurOrdreId,
                        principalTable: "DonneursOrdre",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EnvoisBilans_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SessionsConnexion",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UtilisateurId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Empreinte = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Ticket = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Tampon = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreeLe = table.Column<long>(type: "INTEGER", nullable: false),
                    DerniereActiviteLe = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpireLe = table.Column<long>(type: "INTEGER", nullable: false),
                    InactiviteMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Navigateur = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionsConnexion", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SessionsConnexion_AspNetUsers_UtilisateurId",
                        column: x => x.UtilisateurId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JournalAudit_StructureId_Sequence",
                table: "JournalAudit",
                columns: new[] { "StructureId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EnvoisBilans_DonneurOrdreId",
                table: "EnvoisBilans",
                column: "DonneurOrdreId");

            migrationBuilder.CreateIndex(
                name: "IX_EnvoisBilans_StructureId_DonneurOrdreId_EnvoyeLe",
                table: "EnvoisBilans",
                columns: new[] { "StructureId", "DonneurOrdreId", "EnvoyeLe" });

            migrationBuilder.CreateIndex(
                name: "IX_SessionsConnexion_Empreinte",
                table: "SessionsConnexion",
                column: "Empreinte",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SessionsConnexion_UtilisateurId",
                table: "SessionsConnexion",
                column: "UtilisateurId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EnvoisBilans");

            migrationBuilder.DropTable(
                name: "SessionsConnexion");

            migrationBuilder.DropIndex(
                name: "IX_JournalAudit_StructureId_Sequence",
                table: "JournalAudit");

            migrationBuilder.DropColumn(
                name: "InactiviteSessionMinutes",
                table: "Reglages");

            migrationBuilder.DropColumn(
                name: "Empreinte",
                table: "JournalAudit");

            migrationBuilder.DropColumn(
                name: "EmpreinteChangements",
                table: "JournalAudit");

            migrationBuilder.DropColumn(
                name: "EmpreintePrecedente",
                table: "JournalAudit");

            migrationBuilder.DropColumn(
                name: "PurgeLe",
                table: "JournalAudit");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "JournalAudit");

            migrationBuilder.DropColumn(
                name: "SituationApres",
                table: "Contrats");

            migrationBuilder.DropColumn(
                name: "PieceJointeContenu",
                table: "BoiteEnvoi");

            migrationBuilder.DropColumn(
                name: "PieceJointeNom",
                table: "BoiteEnvoi");

            migrationBuilder.DropColumn(
                name: "PieceJointeType",
                table: "BoiteEnvoi");
        }
    }
}
