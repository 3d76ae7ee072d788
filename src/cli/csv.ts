/** The CLI's CSV reader is the shared strict one (src/common/csv.ts). */
export { CsvSyntaxError, csvRecords, parseCsv } from '../common/csv';
