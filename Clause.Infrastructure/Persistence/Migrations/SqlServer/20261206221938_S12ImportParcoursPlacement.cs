using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clause.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class S12ImportParcoursPlacement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DelaiReponseListeJours",
                table: "Reglages",
                type: "int",
                nullable: false,
                defaultValue: 10);

            migrationBuilder.AddColumn<int>(
                name: "FileActiveMax",
                table: "Reglages",
                type: "int",
                nullable: false,
                defaultValue: 100);

            migrationBuilder.AddColumn<int>(
                name: "FileActiveMin",
                table: "Reglages",
                type: "int",
                nullable: false,
                defaultValue: 60);

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

            migrationBuilder.CreateTable(
                name: "Parcours",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StructureId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReferentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DateEntree = table.Column<DateOnly>(type: "date", nullable: false),
                    Prescripteur = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    Deld = table.Column<bool>(type: "bit", nullable: false),
                    Rsa = table.Column<bool>(type: "bit", nullable: false),
                    Th = table.Column<bool>(type: "bit", nullable: false),
                    AutrePublic = table.Column<bool>(type: "bit", nullable: false),
                    Sexe = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    AgeEntree = table.Column<int>(type: "int", nullable: false),
                    Niveau = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    TrancheInactivite = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    TypeSortie = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    DateSortie = table.Column<DateOnly>(type: "date", nullable: true),
                    ReouvertLe = table.Column<DateOnly>(type: "date", nullable: true),
                    MotifReouverture = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Parcours", x => x.Id);
                    table.CheckConstraint("CK_Parcours_Sortie", "([TypeSortie] IS NULL AND [DateSortie] IS NULL) OR ([TypeSortie] IS NOT NULL AND [DateSortie] IS NOT NULL AND [DateSortie] >= [DateEntree])");
                    table.ForeignKey(
                        name: "FK_Parcours_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Parcours_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PostesAPourvoir",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StructureId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LotId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EntrepriseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Intitule = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    CodeRome = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: true),
                    Nombre = table.Column<int>(type: "int", nullable: false),
                    TypeContrat = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    DateDebut = table.Column<DateOnly>(type: "date", nullable: false),
                    HeuresHebdoMinutes = table.Column<long>(type: "bigint", nullable: true),
                    Lieu = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Exigences = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Statut = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    CreeParId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreeParNom = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    CreeLe = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostesAPourvoir", x => x.Id);
                    table.CheckConstraint("CK_PostesAPourvoir_HeuresHebdo", "[HeuresHebdoMinutes] IS NULL OR ([HeuresHebdoMinutes] > 0 AND [HeuresHebdoMinutes] <= 2880)");
                    table.CheckConstraint("CK_PostesAPourvoir_Nombre", "[Nombre] > 0 AND [Nombre] <= 999");
                    table.ForeignKey(
                        name: "FK_PostesAPourvoir_Entreprises_EntrepriseId",
                        column: x => x.EntrepriseId,
                        principalTable: "Entreprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PostesAPourvoir_Lots_LotId",
                        column: x => x.LotId,
                        principalTable: "Lots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PostesAPourvoir_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EtapesParcours",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StructureId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ParcoursId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Type = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    DateDebut = table.Column<DateOnly>(type: "date", nullable: false),
                    DateFin = table.Column<DateOnly>(type: "date", nullable: true),
                    StructureBeneficiaire = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: true),
                    FinanceePlie = table.Column<bool>(type: "bit", nullable: false),
                    Bilan = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EtapesParcours", x => x.Id);
                    table.CheckConstraint("CK_EtapesParcours_Dates", "[DateFin] IS NULL OR [DateFin] >= [DateDebut]");
                    table.ForeignKey(
                        name: "FK_EtapesParcours_Parcours_ParcoursId",
                        column: x => x.ParcoursId,
                        principalTable: "Parcours",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EtapesParcours_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Candidatures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StructureId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PosteId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EntrepriseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Email = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: true),
                    Telephone = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    Statut = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Eligibilite = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    RaisonEligibilite = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    ProposeeParId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProposeeParNom = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    ProposeeLe = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ValideeParId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ValideeParNom = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: true),
                    ValideeLe = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    MotifDerogation = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    PresenteeParId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    PresenteeParNom = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: true),
                    PresenteeLe = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    IssueParId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    IssueParNom = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: true),
                    IssueLe = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    MotifNonRetenu = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    PrecisionNonRetenu = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    ContratId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Suite = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    SuiteParId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    SuiteParNom = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: true),
                    SuiteLe = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Candidatures", x => x.Id);
                    table.CheckConstraint("CK_Candidatures_Joignable", "[Email] IS NOT NULL OR [Telephone] IS NOT NULL");
                    table.CheckConstraint("CK_Candidatures_NonRetenue", "([Statut] = 'NonRetenue' AND [MotifNonRetenu] IS NOT NULL AND [PrecisionNonRetenu] IS NOT NULL) OR ([Statut] <> 'NonRetenue' AND [MotifNonRetenu] IS NULL)");
                    table.CheckConstraint("CK_Candidatures_Retenue", "([Statut] = 'Retenue' AND [ContratId] IS NOT NULL) OR ([Statut] <> 'Retenue' AND [ContratId] IS NULL)");
                    table.ForeignKey(
                        name: "FK_Candidatures_Contrats_ContratId",
                        column: x => x.ContratId,
                        principalTable: "Contrats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Candidatures_Entreprises_EntrepriseId",
                        column: x => x.EntrepriseId,
                        principalTable: "Entreprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Candidatures_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Candidatures_PostesAPourvoir_PosteId",
                        column: x => x.PosteId,
                        principalTable: "PostesAPourvoir",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Candidatures_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Candidatures_ContratId",
                table: "Candidatures",
                column: "ContratId",
                unique: true,
                filter: "[ContratId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Candidatures_EntrepriseId",
                table: "Candidatures",
                column: "EntrepriseId");

            migrationBuilder.CreateIndex(
                name: "IX_Candidatures_ParticipantId",
                table: "Candidatures",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_Candidatures_PosteId",
                table: "Candidatures",
                column: "PosteId");

            migrationBuilder.CreateIndex(
                name: "IX_Candidatures_StructureId_EntrepriseId_Statut",
                table: "Candidatures",
                columns: new[] { "StructureId", "EntrepriseId", "Statut" });

            migrationBuilder.CreateIndex(
                name: "IX_Candidatures_StructureId_ParticipantId",
                table: "Candidatures",
                columns: new[] { "StructureId", "ParticipantId" });

            migrationBuilder.CreateIndex(
                name: "IX_Candidatures_StructureId_PosteId_ParticipantId",
                table: "Candidatures",
                columns: new[] { "StructureId", "PosteId", "ParticipantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Candidatures_StructureId_Statut_PresenteeLe",
                table: "Candidatures",
                columns: new[] { "StructureId", "Statut", "PresenteeLe" });

            migrationBuilder.CreateIndex(
                name: "IX_EtapesParcours_ParcoursId",
                table: "EtapesParcours",
                column: "ParcoursId");

            migrationBuilder.CreateIndex(
                name: "IX_EtapesParcours_StructureId_ParcoursId_DateDebut",
                table: "EtapesParcours",
                columns: new[] { "StructureId", "ParcoursId", "DateDebut" });

            migrationBuilder.CreateIndex(
                name: "IX_JournauxImport_StructureId_Quand",
                table: "JournauxImport",
                columns: new[] { "StructureId", "Quand" });

            migrationBuilder.CreateIndex(
                name: "IX_LiensImport_StructureId_Feuille_Ref",
                table: "LiensImport",
                columns: new[] { "StructureId", "Feuille", "Ref" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Parcours_ParticipantId",
                table: "Parcours",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_Parcours_StructureId_ParticipantId_DateEntree",
                table: "Parcours",
                columns: new[] { "StructureId", "ParticipantId", "DateEntree" });

            migrationBuilder.CreateIndex(
                name: "IX_Parcours_StructureId_ParticipantId_Ouvert",
                table: "Parcours",
                columns: new[] { "StructureId", "ParticipantId" },
                unique: true,
                filter: "[TypeSortie] IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Parcours_StructureId_ReferentId_TypeSortie",
                table: "Parcours",
                columns: new[] { "StructureId", "ReferentId", "TypeSortie" });

            migrationBuilder.CreateIndex(
                name: "IX_PostesAPourvoir_EntrepriseId",
                table: "PostesAPourvoir",
                column: "EntrepriseId");

            migrationBuilder.CreateIndex(
                name: "IX_PostesAPourvoir_LotId",
                table: "PostesAPourvoir",
                column: "LotId");

            migrationBuilder.CreateIndex(
                name: "IX_PostesAPourvoir_StructureId_EntrepriseId_CreeLe",
                table: "PostesAPourvoir",
                columns: new[] { "StructureId", "EntrepriseId", "CreeLe" });

            migrationBuilder.CreateIndex(
                name: "IX_PostesAPourvoir_StructureId_LotId",
                table: "PostesAPourvoir",
                columns: new[] { "StructureId", "LotId" });

            migrationBuilder.CreateIndex(
                name: "IX_PostesAPourvoir_StructureId_Statut_DateDebut",
                table: "PostesAPourvoir",
                columns: new[] { "StructureId", "Statut", "DateDebut" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Candidatures");

            migrationBuilder.DropTable(
                name: "EtapesParcours");

            migrationBuilder.DropTable(
                name: "JournauxImport");

            migrationBuilder.DropTable(
                name: "LiensImport");

            migrationBuilder.DropTable(
                name: "PostesAPourvoir");

            migrationBuilder.DropTable(
                name: "Parcours");

            migrationBuilder.DropColumn(
                name: "DelaiReponseListeJours",
                table: "Reglages");

            migrationBuilder.DropColumn(
                name: "FileActiveMax",
                table: "Reglages");

            migrationBuilder.DropColumn(
                name: "FileActiveMin",
                table: "Reglages");

            migrationBuilder.DropColumn(
                name: "ImportId",
                table: "JournalAudit");
        }
    }
}
