using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clause.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class S10DroitsConservation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AnonymisationConfirmeeLe",
                table: "Reglages",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnonymisationConfirmeeParNom",
                table: "Reglages",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ConservationJournauxMois",
                table: "Reglages",
                type: "int",
                nullable: false,
                defaultValue: 12);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AnonymiseLe",
                table: "Participants",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AgeAuDebutFige",
                table: "Contrats",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DemandesDroits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StructureId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Type = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    DateDemande = table.Column<DateOnly>(type: "date", nullable: true),
                    DateReponse = table.Column<DateOnly>(type: "date", nullable: false),
                    AuteurId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AuteurNom = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemandesDroits", x => x.Id);
                    table.CheckConstraint("CK_DemandesDroits_Date", "([Type] = 'Rectification' AND [DateDemande] IS NOT NULL) OR ([Type] = 'Acces' AND [DateDemande] IS NULL)");
                    table.ForeignKey(
                        name: "FK_DemandesDroits_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DemandesDroits_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DemandesDroits_ParticipantId",
                table: "DemandesDroits",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_DemandesDroits_StructureId_ParticipantId_DateReponse",
                table: "DemandesDroits",
                columns: new[] { "StructureId", "ParticipantId", "DateReponse" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DemandesDroits");

            migrationBuilder.DropColumn(
                name: "AnonymisationConfirmeeLe",
                table: "Reglages");

            migrationBuilder.DropColumn(
                name: "AnonymisationConfirmeeParNom",
                table: "Reglages");

            migrationBuilder.DropColumn(
                name: "ConservationJournauxMois",
                table: "Reglages");

            migrationBuilder.DropColumn(
                name: "AnonymiseLe",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "AgeAuDebutFige",
                table: "Contrats");
        }
    }
}
