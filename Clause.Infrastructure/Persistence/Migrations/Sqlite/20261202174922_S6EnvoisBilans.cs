using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clause.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class S6EnvoisBilans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "IX_EnvoisBilans_DonneurOrdreId",
                table: "EnvoisBilans",
                column: "DonneurOrdreId");

            migrationBuilder.CreateIndex(
                name: "IX_EnvoisBilans_StructureId_DonneurOrdreId_EnvoyeLe",
                table: "EnvoisBilans",
                columns: new[] { "StructureId", "DonneurOrdreId", "EnvoyeLe" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EnvoisBilans");
        }
    }
}
