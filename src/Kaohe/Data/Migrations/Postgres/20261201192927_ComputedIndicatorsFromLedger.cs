using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaohe.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ComputedIndicatorsFromLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "DataAsOf",
                table: "IndicatorScores",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DataFormula",
                table: "IndicatorScores",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DataNumbers",
                table: "IndicatorScores",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DataScoring",
                table: "IndicatorScores",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "DataValue",
                table: "IndicatorScores",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Origin",
                table: "IndicatorScores",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "DataSource",
                table: "Indicators",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PointsRule",
                table: "Indicators",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DataAsOf",
                table: "IndicatorScores");

            migrationBuilder.DropColumn(
                name: "DataFormula",
                table: "IndicatorScores");

            migrationBuilder.DropColumn(
                name: "DataNumbers",
                table: "IndicatorScores");

            migrationBuilder.DropColumn(
                name: "DataScoring",
                table: "IndicatorScores");

            migrationBuilder.DropColumn(
                name: "DataValue",
                table: "IndicatorScores");

            migrationBuilder.DropColumn(
                name: "Origin",
                table: "IndicatorScores");

            migrationBuilder.DropColumn(
                name: "DataSource",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "PointsRule",
                table: "Indicators");
        }
    }
}
