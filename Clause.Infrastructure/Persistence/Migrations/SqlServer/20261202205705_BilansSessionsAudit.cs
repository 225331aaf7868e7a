using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clause.Infrastructure.Persistence.Migrations.SqlServer
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
                type: "int",
                nullable: false,
                defaultValue: 120);

            migrationBuilder.AddColumn<string>(
                name: "Empreinte",
                table: "JournalAudit",
                type: "nchar(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmpreinteChangements",
                table: "JournalAudit",
                type: "nchar(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmpreintePrecedente",
                table: "JournalAudit",
                type: "nchar(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PurgeLe",
                table: "JournalAudit",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "JournalAudit",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SituationApres",
                table: "Contrats",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "PieceJointeContenu",
                table: "BoiteEnvoi",
                type: "varbinary(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PieceJointeNom",
                table: "BoiteEnvoi",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PieceJointeType",
                table: "BoiteEnvoi",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EnvoisBilans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StructureId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DonneurOrdreId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Perimetre = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    PerimetreId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LibellePerimetre = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    Du = table.Column<int>(type: "int", nullable: false),
                    Au = table.Column<int>(type: "int", nullable: false),
                    EnvoyeParId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    EnvoyeParNom = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    EnvoyeLe = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Destinataires = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    NombreDestinataires = table.Column<int>(type: "int", nullable: false),
                    NomFichier = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UtilisateurId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Empreinte = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    Ticket = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    Tampon = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    CreeLe = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    DerniereActiviteLe = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ExpireLe = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    InactiviteMinutes = table.Column<int>(type: "int", nullable: false),
                    Navigateur = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false)
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
                unique: true,
                filter: "[StructureId] IS NOT NULL AND [Sequence] IS NOT NULL");

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
