using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clause.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class TotauxMensuels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MoisCompiles",
                columns: table => new
                {
                    StructureId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Mois = table.Column<int>(type: "int", nullable: false),
                    CompileLe = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MoisCompiles", x => new { x.StructureId, x.Mois });
                    table.ForeignKey(
                        name: "FK_MoisCompiles_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MoisSales",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    StructureId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Mois = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MoisSales", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MoisSales_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TotauxMensuels",
                columns: table => new
                {
                    StructureId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Mois = table.Column<int>(type: "int", nullable: false),
                    Niveau = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CleId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MinutesComptees = table.Column<long>(type: "bigint", nullable: false),
                    MinutesEnAttente = table.Column<long>(type: "bigint", nullable: false),
                    Participants = table.Column<int>(type: "int", nullable: false),
                    Contrats = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TotauxMensuels", x => new { x.StructureId, x.Mois, x.Niveau, x.CleId });
                    table.ForeignKey(
                        name: "FK_TotauxMensuels_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TotauxMensuelsLots",
                columns: table => new
                {
                    StructureId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Mois = table.Column<int>(type: "int", nullable: false),
                    LotId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Modalite = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    TypeContrat = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    MinutesComptees = table.Column<long>(type: "bigint", nullable: false),
                    MinutesEnAttente = table.Column<long>(type: "bigint", nullable: false),
                    Contrats = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TotauxMensuelsLots", x => new { x.StructureId, x.Mois, x.LotId, x.Modalite, x.TypeContrat });
                    table.ForeignKey(
                        name: "FK_TotauxMensuelsLots_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DeclarationsHeures_StructureId_Mois",
                table: "DeclarationsHeures",
                columns: new[] { "StructureId", "Mois" });

            migrationBuilder.CreateIndex(
                name: "IX_MoisCompiles_StructureId_CompileLe",
                table: "MoisCompiles",
                columns: new[] { "StructureId", "CompileLe" });

            migrationBuilder.CreateIndex(
                name: "IX_MoisSales_StructureId_Mois_Id",
                table: "MoisSales",
                columns: new[] { "StructureId", "Mois", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_TotauxMensuels_StructureId_Niveau_CleId_Mois",
                table: "TotauxMensuels",
                columns: new[] { "StructureId", "Niveau", "CleId", "Mois" });

            migrationBuilder.CreateIndex(
                name: "IX_TotauxMensuelsLots_StructureId_LotId_Mois",
                table: "TotauxMensuelsLots",
                columns: new[] { "StructureId", "LotId", "Mois" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MoisCompiles");

            migrationBuilder.DropTable(
                name: "MoisSales");

            migrationBuilder.DropTable(
                name: "TotauxMensuels");

            migrationBuilder.DropTable(
                name: "TotauxMensuelsLots");

            migrationBuilder.DropIndex(
                name: "IX_DeclarationsHeures_StructureId_Mois",
                table: "DeclarationsHeures");
        }
    }
}
