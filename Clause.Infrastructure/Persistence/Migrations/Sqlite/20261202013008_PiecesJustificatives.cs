using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clause.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PiecesJustificatives : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PiecesJustificatives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntrepriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContratId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Mois = table.Column<int>(type: "INTEGER", nullable: true),
                    Nature = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NomOriginal = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    NomStocke = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TypeContenu = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Taille = table.Column<long>(type: "INTEGER", nullable: false),
                    Empreinte = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    DeposeeParId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeposeeParNom = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    DeposeeLe = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PiecesJustificatives", x => x.Id);
                    table.CheckConstraint("CK_PiecesJustificatives_Mois", "[Mois] IS NULL OR ([Mois] >= 200001 AND [Mois] <= 999912 AND [Mois] % 100 >= 1 AND [Mois] % 100 <= 12)");
                    table.CheckConstraint("CK_PiecesJustificatives_Rattachement", "[ContratId] IS NOT NULL OR [Mois] IS NOT NULL");
                    table.CheckConstraint("CK_PiecesJustificatives_Taille", "[Taille] > 0 AND [Taille] <= 5242880");
                    table.ForeignKey(
                        name: "FK_PiecesJustificatives_Contrats_ContratId",
                        column: x => x.ContratId,
                        principalTable: "Contrats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PiecesJustificatives_Entreprises_EntrepriseId",
                        column: x => x.EntrepriseId,
                        principalTable: "Entreprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PiecesJustificatives_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TelechargementsPieces",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PieceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Quand = table.Column<long>(type: "INTEGER", nullable: false),
                    UtilisateurId = table.Column<Guid>(type: "TEXT", nullable: true),
                    NomUtilisateur = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TelechargementsPieces", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PiecesJustificatives_ContratId",
                table: "PiecesJustificatives",
                column: "ContratId");

            migrationBuilder.CreateIndex(
                name: "IX_PiecesJustificatives_EntrepriseId",
                table: "PiecesJustificatives",
                column: "EntrepriseId");

            migrationBuilder.CreateIndex(
                name: "IX_PiecesJustificatives_NomStocke",
                table: "PiecesJustificatives",
                column: "NomStocke",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PiecesJustificatives_StructureId_ContratId",
                table: "PiecesJustificatives",
                columns: new[] { "StructureId", "ContratId" });

            migrationBuilder.CreateIndex(
                name: "IX_PiecesJustificatives_StructureId_EntrepriseId_Mois",
                table: "PiecesJustificatives",
                columns: new[] { "StructureId", "EntrepriseId", "Mois" });

            migrationBuilder.CreateIndex(
                name: "IX_TelechargementsPieces_StructureId_PieceId_Quand",
                table: "TelechargementsPieces",
                columns: new[] { "StructureId", "PieceId", "Quand" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PiecesJustificatives");

            migrationBuilder.DropTable(
                name: "TelechargementsPieces");
        }
    }
}
