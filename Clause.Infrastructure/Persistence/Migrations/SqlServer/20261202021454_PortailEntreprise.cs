using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clause.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PortailEntreprise : Migration
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
                name: "PiecesJustificatives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StructureId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EntrepriseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ContratId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Mois = table.Column<int>(type: "int", nullable: true),
                    Nature = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    NomOriginal = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    NomStocke = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    TypeContenu = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Taille = table.Column<long>(type: "bigint", nullable: false),
                    Empreinte = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false),
                    DeposeeParId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DeposeeParNom = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    DeposeeLe = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
                name: "TelechargementsPieces",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StructureId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PieceId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Quand = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UtilisateurId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    NomUtilisateur = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TelechargementsPieces", x => x.Id);
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

            migrationBuilder.CreateIndex(
                name: "IX_TelechargementsPieces_StructureId_PieceId_Quand",
                table: "TelechargementsPieces",
                columns: new[] { "StructureId", "PieceId", "Quand" });

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
                name: "PiecesJustificatives");

            migrationBuilder.DropTable(
                name: "PropositionsEmbauche");

            migrationBuilder.DropTable(
                name: "TelechargementsPieces");

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
