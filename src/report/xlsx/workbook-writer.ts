// exceljs' streaming writer alone. The package's index also loads its readers (unzipper, jszip, fast-csv
// and their polyfills), which a scan never uses: 0.1-0.2 CPU-s and 11 MB of every run's start (bench/RESULTS.md).
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';

/** exceljs 4.4.0 is pinned (package.json) and has no exports map, so this path is stable for that version. */
export const WRITER_MODULE = 'exceljs/lib/stream/xlsx/workbook-writer.js';

export const WorkbookWriterClass = createRequire(import.meta.url)(WRITER_MODULE) as typeof ExcelJS.stream.xlsx.WorkbookWriter;
