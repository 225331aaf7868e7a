using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clause.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SoumissionsHeures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "SoumissionId",
                table: "VersionsDeclaration",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SoumissionsHeures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StructureId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EntrepriseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Mois = table.Column<int>(type: "int", nullable: false),
                    Statut = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    CreeeParId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreeeParNom = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    CreeeLe = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ModifieeLe = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    SoumiseLe = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    SoumiseParId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    SoumiseParNom = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: true),
                    SoumiseParEmail = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SoumissionsHeures", x => x.Id);
                    table.CheckConstraint("CK_SoumissionsHeures_Mois", "[Mois] >= 200001 AND [Mois] <= 999912 AND [Mois] % 100 >= 1 AND [Mois] % 100 <= 12");
                    table.CheckConstraint("CK_SoumissionsHeures_Soumise", "([Statut] = 'Brouillon' AND [SoumiseLe] IS NULL) OR ([Statut] = 'Soumise' AND [SoumiseLe] IS NOT NULL AND [SoumiseParId] IS NOT NULL AND [SoumiseParNom] IS NOT NULL)");
                    table.ForeignKey(
                        name: "FK_SoumissionsHeures_Entreprises_EntrepriseId",
                        column: x => x.EntrepriseId,
                        principalTable: "Entreprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SoumissionsHeures_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LignesBrouillon",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StructureId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SoumissionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    ContratId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Minutes = table.Column<long>(type: "bigint", nullable: true),
                    MontantFactureCentimes = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LignesBrouillon", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LignesBrouillon_Contrats_ContratId",
                        column: x => x.ContratId,
                        principalTable: "Contrats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LignesBrouillon_SoumissionsHeures_SoumissionId",
                        column: x => x.SoumissionId,
                        principalTable: "SoumissionsHeures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LignesBrouillon_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_VersionsDeclaration_SoumissionId",
                table: "VersionsDeclaration",
                column: "SoumissionId");

            migrationBuilder.CreateIndex(
                name: "IX_LignesBrouillon_ContratId",
                table: "LignesBrouillon",
                column: "ContratId");

            migrationBuilder.CreateIndex(
                name: "IX_LignesBrouillon_SoumissionId_Position",
                table: "LignesBrouillon",
                columns: new[] { "SoumissionId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LignesBrouillon_StructureId",
                table: "LignesBrouillon",
                column: "StructureId");

            migrationBuilder.CreateIndex(
                name: "IX_SoumissionsHeures_Brouillon",
                table: "SoumissionsHeures",
                columns: new[] { "EntrepriseId", "Mois" },
                unique: true,
                filter: "[Statut] = 'Brouillon'");

            migrationBuilder.CreateIndex(
                name: "IX_SoumissionsHeures_StructureId_Statut_Mois",
                table: "SoumissionsHeures",
                columns: new[] { "StructureId", "Statut", "Mois" });

            migrationBuilder.AddForeignKey(
                name: "FK_VersionsDeclaration_SoumissionsHeures_SoumissionId",
                table: "VersionsDeclaration",
                column: "SoumissionId",
                principalTable: "SoumissionsHeures",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_VersionsDeclaration_SoumissionsHeures_SoumissionId",
                table: "VersionsDeclaration");

            migrationBuilder.DropTable(
                name: "LignesBrouillon");

            migrationBuilder.DropTable(
                name: "SoumissionsHeures");

            migrationBuilder.DropIndex(
                name: "IX_VersionsDeclaration_SoumissionId",
                table: "VersionsDeclaration");

            migrationBuilder.DropColumn(
                name: "SoumissionId",
                table: "VersionsDeclaration");
        }
    }
}
