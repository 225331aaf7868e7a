using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clause.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class S12Parcours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FileActiveMax",
                table: "Reglages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 100);

            migrationBuilder.AddColumn<int>(
                name: "FileActiveMin",
                table: "Reglages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 60);

            migrationBuilder.CreateTable(
                name: "Parcours",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DateEntree = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Prescripteur = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Deld = table.Column<bool>(type: "INTEGER", nullable: false),
                    Rsa = table.Column<bool>(type: "INTEGER", nullable: false),
                    Th = table.Column<bool>(type: "INTEGER", nullable: false),
                    AutrePublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    Sexe = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AgeEntree = table.Column<int>(type: "INTEGER", nullable: false),
                    Niveau = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TrancheInactivite = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TypeSortie = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    DateSortie = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReouvertLe = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MotifReouverture = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
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
                name: "EtapesParcours",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParcoursId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DateDebut = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DateFin = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StructureBeneficiaire = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    FinanceePlie = table.Column<bool>(type: "INTEGER", nullable: false),
                    Bilan = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
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

            migrationBuilder.CreateIndex(
                name: "IX_EtapesParcours_ParcoursId",
                table: "EtapesParcours",
                column: "ParcoursId");

            migrationBuilder.CreateIndex(
                name: "IX_EtapesParcours_StructureId_ParcoursId_DateDebut",
                table: "EtapesParcours",
                columns: new[] { "StructureId", "ParcoursId", "DateDebut" });

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EtapesParcours");

            migrationBuilder.DropTable(
                name: "Parcours");

            migrationBuilder.DropColumn(
                name: "FileActiveMax",
                table: "Reglages");

            migrationBuilder.DropColumn(
                name: "FileActiveMin",
                table: "Reglages");
        }
    }
}
