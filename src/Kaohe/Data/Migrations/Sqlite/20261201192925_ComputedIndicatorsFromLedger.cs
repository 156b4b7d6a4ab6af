using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaohe.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DataFormula",
                table: "IndicatorScores",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DataNumbers",
                table: "IndicatorScores",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DataScoring",
                table: "IndicatorScores",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "DataValue",
                table: "IndicatorScores",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Origin",
                table: "IndicatorScores",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "DataSource",
                table: "Indicators",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PointsRule",
                table: "Indicators",
                type: "TEXT",
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
