using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clause.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class S10Anonymisation : Migration
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
