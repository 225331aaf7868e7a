using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clause.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class S12Import : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ImportId",
                table: "JournalAudit",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "JournauxImport",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StructureId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Quand = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UtilisateurId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    NomUtilisateur = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    NomJeton = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: true),
                    NomFichier = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    ABlanc = table.Column<bool>(type: "bit", nullable: false),
                    Resultat = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    NombreErreurs = table.Column<int>(type: "int", nullable: false),
                    Compteurs = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JournauxImport", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JournauxImport_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LiensImport",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    StructureId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Feuille = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Ref = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    EnregistrementId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiensImport", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LiensImport_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JournauxImport_StructureId_Quand",
                table: "JournauxImport",
                columns: new[] { "StructureId", "Quand" });

            migrationBuilder.CreateIndex(
                name: "IX_LiensImport_StructureId_Feuille_Ref",
                table: "LiensImport",
                columns: new[] { "StructureId", "Feuille", "Ref" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "JournauxImport");

            migrationBuilder.DropTable(
                name: "LiensImport");

            migrationBuilder.DropColumn(
                name: "ImportId",
                table: "JournalAudit");
        }
    }
}
