using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clause.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PropositionsEmbauche : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PropositionsEmbauche",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StructureId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EntrepriseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LotId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Nom = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Prenom = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    DateNaissance = table.Column<DateOnly>(type: "date", nullable: false),
                    Email = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: true),
                    Telephone = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    EmployeurId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Modalite = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    TypeContrat = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    DateDebut = table.Column<DateOnly>(type: "date", nullable: false),
                    FinPrevue = table.Column<DateOnly>(type: "date", nullable: true),
                    HeuresHebdoMinutes = table.Column<long>(type: "bigint", nullable: true),
                    Poste = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: true),
                    Statut = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    MotifRefus = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    ParticipantId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ContratId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ProposeeParId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProposeeParNom = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    ProposeeLe = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    LieeParId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    LieeParNom = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: true),
                    LieeLe = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DecideeParId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    DecideeParNom = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: true),
                    DecideeLe = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PropositionsEmbauche", x => x.Id);
                    table.CheckConstraint("CK_PropositionsEmbauche_Dates", "[FinPrevue] IS NULL OR [FinPrevue] >= [DateDebut]");
                    table.CheckConstraint("CK_PropositionsEmbauche_HeuresHebdo", "[HeuresHebdoMinutes] IS NULL OR ([HeuresHebdoMinutes] > 0 AND [HeuresHebdoMinutes] <= 2880)");
                    table.CheckConstraint("CK_PropositionsEmbauche_Joignable", "[Email] IS NOT NULL OR [Telephone] IS NOT NULL");
                    table.CheckConstraint("CK_PropositionsEmbauche_Lien", "([Statut] = 'EnAttente' AND [ContratId] IS NULL) OR [Statut] = 'Refusee' OR ([Statut] IN ('Liee', 'Validee') AND [ContratId] IS NOT NULL AND [ParticipantId] IS NOT NULL)");
                    table.CheckConstraint("CK_PropositionsEmbauche_Refus", "([Statut] = 'Refusee' AND [MotifRefus] IS NOT NULL) OR ([Statut] <> 'Refusee' AND [MotifRefus] IS NULL)");
                    table.ForeignKey(
                        name: "FK_PropositionsEmbauche_Contrats_ContratId",
                        column: x => x.ContratId,
                        principalTable: "Contrats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PropositionsEmbauche_Entreprises_EmployeurId",
                        column: x => x.EmployeurId,
                        principalTable: "Entreprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PropositionsEmbauche_Entreprises_EntrepriseId",
                        column: x => x.EntrepriseId,
                        principalTable: "Entreprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PropositionsEmbauche_Lots_LotId",
                        column: x => x.LotId,
                        principalTable: "Lots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PropositionsEmbauche_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PropositionsEmbauche_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PropositionsEmbauche_ContratId",
                table: "PropositionsEmbauche",
                column: "ContratId",
                unique: true,
                filter: "[ContratId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PropositionsEmbauche_EmployeurId",
                table: "PropositionsEmbauche",
                column: "EmployeurId");

            migrationBuilder.CreateIndex(
                name: "IX_PropositionsEmbauche_EntrepriseId",
                table: "PropositionsEmbauche",
                column: "EntrepriseId");

            migrationBuilder.CreateIndex(
                name: "IX_PropositionsEmbauche_LotId",
                table: "PropositionsEmbauche",
                column: "LotId");

            migrationBuilder.CreateIndex(
                name: "IX_PropositionsEmbauche_ParticipantId",
                table: "PropositionsEmbauche",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_PropositionsEmbauche_StructureId_EntrepriseId_ProposeeLe",
                table: "PropositionsEmbauche",
                columns: new[] { "StructureId", "EntrepriseId", "ProposeeLe" });

            migrationBuilder.CreateIndex(
                name: "IX_PropositionsEmbauche_StructureId_Statut_ProposeeLe",
                table: "PropositionsEmbauche",
                columns: new[] { "StructureId", "Statut", "ProposeeLe" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PropositionsEmbauche");
        }
    }
}
