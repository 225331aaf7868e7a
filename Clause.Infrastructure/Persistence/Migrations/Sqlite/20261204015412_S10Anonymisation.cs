using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clause.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class S10Anonymisation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AnonymisationConfirmeeLe",
                table: "Reglages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnonymisationConfirmeeParNom",
                table: "Reglages",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ConservationJournauxMois",
                table: "Reglages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 12);

            migrationBuilder.AddColumn<long>(
                name: "AnonymiseLe",
                table: "Participants",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AgeAuDebutFige",
                table: "Contrats",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
