using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clause.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ContratsHeures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Contrats",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EmployeurId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Modalite = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TypeContrat = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DateDebut = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FinPrevue = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FinReelle = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HeuresHebdoMinutes = table.Column<long>(type: "INTEGER", nullable: true),
                    Poste = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    CodeRome = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    Statut = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Origine = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProposeParId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposeParNom = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    ProposeLe = table.Column<long>(type: "INTEGER", nullable: false),
                    DecideParId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecideParNom = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    DecideLe = table.Column<long>(type: "INTEGER", nullable: true),
                    MotifRefus = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Eligibilite = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DecisionEligibiliteId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EligibiliteValide = table.Column<bool>(type: "INTEGER", nullable: false),
                    MotifDerogation = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DerogationParId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DerogationParNom = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    DerogationLe = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contrats", x => x.Id);
                    table.CheckConstraint("CK_Contrats_Dates", "[FinPrevue] >= [DateDebut] AND ([FinReelle] IS NULL OR [FinReelle] >= [DateDebut])");
                    table.CheckConstraint("CK_Contrats_Decision", "[Statut] = 'Propose' OR ([DecideParId] IS NOT NULL AND [DecideParNom] IS NOT NULL AND [DecideLe] IS NOT NULL)");
                    table.CheckConstraint("CK_Contrats_Derogation", "([MotifDerogation] IS NULL AND [DerogationParId] IS NULL AND [DerogationParNom] IS NULL AND [DerogationLe] IS NULL) OR ([MotifDerogation] IS NOT NULL AND [DerogationParId] IS NOT NULL AND [DerogationParNom] IS NOT NULL AND [DerogationLe] IS NOT NULL)");
                    table.CheckConstraint("CK_Contrats_Eligibilite", "[EligibiliteValide] = 0 OR [Statut] = 'Valide'");
                    table.CheckConstraint("CK_Contrats_HeuresHebdo", "[HeuresHebdoMinutes] IS NULL OR ([HeuresHebdoMinutes] > 0 AND [HeuresHebdoMinutes] <= 2880)");
                    table.CheckConstraint("CK_Contrats_Refus", "([Statut] = 'Refuse' AND [MotifRefus] IS NOT NULL) OR ([Statut] <> 'Refuse' AND [MotifRefus] IS NULL)");
                    table.ForeignKey(
                        name: "FK_Contrats_DecisionsEligibilite_DecisionEligibiliteId",
                        column: x => x.DecisionEligibiliteId,
                        principalTable: "DecisionsEligibilite",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Contrats_Entreprises_EmployeurId",
                        column: x => x.EmployeurId,
                        principalTable: "Entreprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Contrats_Lots_LotId",
                        column: x => x.LotId,
                        principalTable: "Lots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Contrats_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Contrats_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DeclarationsHeures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContratId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Mois = table.Column<int>(type: "INTEGER", nullable: false),
                    Minutes = table.Column<long>(type: "INTEGER", nullable: false),
                    Statut = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Converti = table.Column<bool>(type: "INTEGER", nullable: false),
                    HorsPeriode = table.Column<bool>(type: "INTEGER", nullable: false),
                    VersionCourante = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeclarationsHeures", x => x.Id);
                    table.CheckConstraint("CK_DeclarationsHeures_Minutes", "[Minutes] > 0");
                    table.CheckConstraint("CK_DeclarationsHeures_Mois", "[Mois] >= 200001 AND [Mois] <= 999912 AND [Mois] % 100 >= 1 AND [Mois] % 100 <= 12");
                    table.CheckConstraint("CK_DeclarationsHeures_Version", "[VersionCourante] >= 1");
                    table.ForeignKey(
                        name: "FK_DeclarationsHeures_Contrats_ContratId",
                        column: x => x.ContratId,
                        principalTable: "Contrats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DeclarationsHeures_Lots_LotId",
                        column: x => x.LotId,
                        principalTable: "Lots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DeclarationsHeures_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DeclarationsHeures_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VersionsDeclaration",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeclarationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContratId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Numero = table.Column<int>(type: "INTEGER", nullable: false),
                    Minutes = table.Column<long>(type: "INTEGER", nullable: false),
                    MontantFactureCentimes = table.Column<long>(type: "INTEGER", nullable: true),
                    PartMainOeuvrePdb = table.Column<int>(type: "INTEGER", nullable: true),
                    CoutHoraireCentimes = table.Column<long>(type: "INTEGER", nullable: true),
                    MotifCorrection = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Statut = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MotifRejet = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SaisieParId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SaisieParNom = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    SaisieLe = table.Column<long>(type: "INTEGER", nullable: false),
                    SaisieParFacilitateur = table.Column<bool>(type: "INTEGER", nullable: false),
                    DecideParId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecideParNom = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    DecideLe = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VersionsDeclaration", x => x.Id);
                    table.CheckConstraint("CK_VersionsDeclaration_Conversion", "([MontantFactureCentimes] IS NULL AND [PartMainOeuvrePdb] IS NULL AND [CoutHoraireCentimes] IS NULL) OR ([MontantFactureCentimes] > 0 AND [PartMainOeuvrePdb] > 0 AND [PartMainOeuvrePdb] <= 10000 AND [CoutHoraireCentimes] > 0)");
                    table.CheckConstraint("CK_VersionsDeclaration_Decision", "[Statut] = 'Declaree' OR ([DecideParId] IS NOT NULL AND [DecideParNom] IS NOT NULL AND [DecideLe] IS NOT NULL)");
                    table.CheckConstraint("CK_VersionsDeclaration_Minutes", "[Minutes] > 0 AND [Numero] >= 1");
                    table.CheckConstraint("CK_VersionsDeclaration_Rejet", "([Statut] = 'Rejetee' AND [MotifRejet] IS NOT NULL) OR ([Statut] <> 'Rejetee' AND [MotifRejet] IS NULL)");
                    table.ForeignKey(
                        name: "FK_VersionsDeclaration_DeclarationsHeures_DeclarationId",
                        column: x => x.DeclarationId,
                        principalTable: "DeclarationsHeures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_VersionsDeclaration_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Contrats_DecisionEligibiliteId",
                table: "Contrats",
                column: "DecisionEligibiliteId");

            migrationBuilder.CreateIndex(
                name: "IX_Contrats_EmployeurId_Statut",
                table: "Contrats",
                columns: new[] { "EmployeurId", "Statut" });

            migrationBuilder.CreateIndex(
                name: "IX_Contrats_LotId_Statut",
                table: "Contrats",
                columns: new[] { "LotId", "Statut" });

            migrationBuilder.CreateIndex(
                name: "IX_Contrats_ParticipantId_DateDebut",
                table: "Contrats",
                columns: new[] { "ParticipantId", "DateDebut" });

            migrationBuilder.CreateIndex(
                name: "IX_Contrats_StructureId_Statut_FinPrevue",
                table: "Contrats",
                columns: new[] { "StructureId", "Statut", "FinPrevue" });

            migrationBuilder.CreateIndex(
                name: "IX_DeclarationsHeures_ContratId_Mois",
                table: "DeclarationsHeures",
                columns: new[] { "ContratId", "Mois" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DeclarationsHeures_LotId_Mois",
                table: "DeclarationsHeures",
                columns: new[] { "LotId", "Mois" });

            migrationBuilder.CreateIndex(
                name: "IX_DeclarationsHeures_ParticipantId_Mois",
                table: "DeclarationsHeures",
                columns: new[] { "ParticipantId", "Mois" });

            migrationBuilder.CreateIndex(
                name: "IX_DeclarationsHeures_StructureId_Statut_Mois",
                table: "DeclarationsHeures",
                columns: new[] { "StructureId", "Statut", "Mois" });

            migrationBuilder.CreateIndex(
                name: "IX_VersionsDeclaration_DeclarationId_Numero",
                table: "VersionsDeclaration",
                columns: new[] { "DeclarationId", "Numero" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VersionsDeclaration_StructureId",
                table: "VersionsDeclaration",
                column: "StructureId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "VersionsDeclaration");

            migrationBuilder.DropTable(
                name: "DeclarationsHeures");

            migrationBuilder.DropTable(
                name: "Contrats");
        }
    }
}
