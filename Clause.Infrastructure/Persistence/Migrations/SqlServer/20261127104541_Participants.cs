using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clause.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Participants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "JournalAccesDonneesSensibles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StructureId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Quand = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UtilisateurId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    NomUtilisateur = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    ParticipantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Quoi = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JournalAccesDonneesSensibles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Participants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StructureId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Nom = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Prenom = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Sexe = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    DateNaissance = table.Column<DateOnly>(type: "date", nullable: false),
                    Adresse = table.Column<string>(type: "nvarchar(250)", maxLength: 250, nullable: true),
                    CodePostal = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    Commune = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ResidentQpv = table.Column<bool>(type: "bit", nullable: false),
                    CodeQpv = table.Column<string>(type: "nvarchar(9)", maxLength: 9, nullable: true),
                    NiveauQualification = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Prescripteur = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ReferentId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    IdentifiantFranceTravail = table.Column<string>(type: "nvarchar(11)", maxLength: 11, nullable: true),
                    DateInformation = table.Column<DateOnly>(type: "date", nullable: true),
                    InscritLe = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Participants", x => x.Id);
                    table.CheckConstraint("CK_Participants_Naissance", "[DateNaissance] <= [InscritLe]");
                    table.CheckConstraint("CK_Participants_Qpv", "([ResidentQpv] = 1 AND [CodeQpv] IS NOT NULL) OR ([ResidentQpv] = 0 AND [CodeQpv] IS NULL)");
                    table.CheckConstraint("CK_Participants_Sexe", "[Sexe] = 'F' OR [Sexe] = 'M'");
                    table.ForeignKey(
                        name: "FK_Participants_AspNetUsers_ReferentId",
                        column: x => x.ReferentId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Participants_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DecisionsEligibilite",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StructureId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DateValidation = table.Column<DateOnly>(type: "date", nullable: false),
                    ValideParId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ValideParNom = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    PrescripteurAvis = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    MotifAvis = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionsEligibilite", x => x.Id);
                    table.CheckConstraint("CK_DecisionsEligibilite_AvisMotive", "([PrescripteurAvis] IS NULL AND [MotifAvis] IS NULL) OR ([PrescripteurAvis] IS NOT NULL AND [MotifAvis] IS NOT NULL)");
                    table.ForeignKey(
                        name: "FK_DecisionsEligibilite_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DecisionsEligibilite_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CategoriesDecision",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StructureId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DecisionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Categorie = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Justificatif = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    FinDroits = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CategoriesDecision", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CategoriesDecision_DecisionsEligibilite_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "DecisionsEligibilite",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CategoriesDecision_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_CategoriesDecision_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CategoriesDecision_DecisionId_Categorie",
                table: "CategoriesDecision",
                columns: new[] { "DecisionId", "Categorie" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CategoriesDecision_ParticipantId",
                table: "CategoriesDecision",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_CategoriesDecision_StructureId_Categorie_ParticipantId",
                table: "CategoriesDecision",
                columns: new[] { "StructureId", "Categorie", "ParticipantId" });

            migrationBuilder.CreateIndex(
                name: "IX_DecisionsEligibilite_ParticipantId_DateValidation",
                table: "DecisionsEligibilite",
                columns: new[] { "ParticipantId", "DateValidation" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DecisionsEligibilite_StructureId_DateValidation",
                table: "DecisionsEligibilite",
                columns: new[] { "StructureId", "DateValidation" });

            migrationBuilder.CreateIndex(
                name: "IX_JournalAccesDonneesSensibles_ParticipantId_Quand",
                table: "JournalAccesDonneesSensibles",
                columns: new[] { "ParticipantId", "Quand" });

            migrationBuilder.CreateIndex(
                name: "IX_JournalAccesDonneesSensibles_StructureId_Quand",
                table: "JournalAccesDonneesSensibles",
                columns: new[] { "StructureId", "Quand" });

            migrationBuilder.CreateIndex(
                name: "IX_Participants_ReferentId",
                table: "Participants",
                column: "ReferentId");

            migrationBuilder.CreateIndex(
                name: "IX_Participants_StructureId_Commune",
                table: "Participants",
                columns: new[] { "StructureId", "Commune" });

            migrationBuilder.CreateIndex(
                name: "IX_Participants_StructureId_Nom_Prenom",
                table: "Participants",
                columns: new[] { "StructureId", "Nom", "Prenom" });

            migrationBuilder.CreateIndex(
                name: "IX_Participants_StructureId_ReferentId",
                table: "Participants",
                columns: new[] { "StructureId", "ReferentId" });

            migrationBuilder.CreateIndex(
                name: "IX_Participants_StructureId_ResidentQpv",
                table: "Participants",
                columns: new[] { "StructureId", "ResidentQpv" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CategoriesDecision");

            migrationBuilder.DropTable(
                name: "JournalAccesDonneesSensibles");

            migrationBuilder.DropTable(
                name: "DecisionsEligibilite");

            migrationBuilder.DropTable(
                name: "Participants");
        }
    }
}
