"""Writing lists out of the app (CSV, XLSX), safe to open in a spreadsheet."""
