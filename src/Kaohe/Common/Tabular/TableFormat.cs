namespace Kaohe.Common.Tabular;

/// <summary>The file a table is written as: CSV in UTF-8 (with BOM, which Excel opens correctly), CSV in GBK, or XLSX.</summary>
public enum TableFormat { Csv, CsvGbk, Xlsx }
