// The DfE return workbook as an analyst's spreadsheet program reads it, with SheetJS (npm xlsx, installed by
// scripts/sheetjs.sh): a reader independent of the OpenXml SDK that wrote it. Checks, for one package folder:
// - every table sheet has a CSV in the manifest, the same header, the same number of rows, and every money
//   column (header "… (£)") totals the same in the sheet and the CSV, every money cell being a number;
// - no cell that looks like a number is text, outside identifier columns (time_period, the LA codes, LAEstab,
//   provider and post ids, funded years), which are text on purpose so that they are never summed;
// - no cell that looks like a date is text, and every *_date column holds dates;
// - every sheet has column widths and a frozen header row, and every table sheet starts with the DfE's tidy
//   columns time_period, geographic_level, new_la_code, old_la_code, la_name.
//
//   node tests/submission/workbook-check.mjs PACKAGE_DIR
// Prints a JSON summary {sheets, moneyColumns, negativeAmounts, failureCount, failures}; exits 1 if a check failed.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, '.tools', 'sheetjs', 'package.json'));
const XLSX = require('xlsx');

const [dir] = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
const csvFiles = manifest.files.map((f) => f.name).filter((n) => n.endsWith('.csv'));
// cellStyles parses the column widths, bookFiles keeps the raw parts, cellDates gives date cells as dates.
const options = { type: 'buffer', cellDates: true, cellStyles: true, bookFiles: true };
const workbook = XLSX.read(readFileSync(join(dir, 'dfe-return.xlsx')), options);
const failures = [];
const fail = (msg) => failures.push(msg);

const tidy = ['time_period', 'geographic_level', 'new_la_code', 'old_la_code', 'la_name'];
const identifier = (header) =>
  header === 'time_period' || header === 'quarter' || /_code$|_id$|^la_estab$|^funded_(from|until)$/.test(header ?? '');
const numberLike = /^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^[-+]?£[\d,]+(\.\d+)?$/;
const dateLike = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?$/;

/** RFC 4180, as the package writes it: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** The raw worksheet XML, from SheetJS's own unzip of the file, for what its parser does not surface (panes). */
function sheetXml(index) {
  const rels = workbook.files['xl/_rels/workbook.xml.rels'].content.toString();
  const book = workbook.files['xl/workbook.xml'].content.toString();
  const sheet = [...book.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)][index][0];
  const id = sheet.match(/r:id="([^"]+)"|id="([^"]+)"/g).pop().split('"')[1];
  const target = rels.match(new RegExp(`<Relationship[^>]*Id="${id}"[^>]*>`))[0].match(/Target="([^"]+)"/)[1];
  const path = target.startsWith('/') ? target.slice(1) : 'xl/' + target;
  return workbook.files[path].content.toString();
}

let moneyColumns = 0, negativeAmounts = 0;
const tableSheets = workbook.SheetNames.slice(2);
if (workbook.SheetNames[0] !== 'Cover' || workbook.SheetNames[1] !== 'Notes')
  fail(`sheets start ${workbook.SheetNames.slice(0, 2)}, not Cover, Notes`);
if (tableSheets.length !== csvFiles.length) fail(`${tableSheets.length} table sheets for ${csvFiles.length} CSVs`);

workbook.SheetNames.forEach((name, index) => {
  const sheet = workbook.Sheets[name];
  const cols = sheet['!cols'] ?? [];
  const range = XLSX.utils.decode_range(sheet['!ref']);
  if (cols.length < range.e.c + 1 || cols.some((c) => !(c && (c.wch > 0 || c.width > 0))))
    fail(`${name}: ${cols.length} column widths for ${range.e.c + 1} columns`);
  if (!/<(?:\w+:)?pane\b[^>]*state="frozen"/.test(sheetXml(index))) fail(`${name}: no frozen header row`);

  const headers = [];
  for (let c = range.s.c; c <= range.e.c; c++) headers.push(sheet[XLSX.utils.encode_cell({ r: 0, c })]?.v);
  const isTable = index >= 2;
  for (let r = range.s.r + (isTable || name === 'Notes' ? 1 : 0); r <= range.e.r; r++) {
    for (let c = range.s.c; c <= range.e.c; c++) {
      const cell = sheet[XLSX.utils.encode_cell({ r, c })];
      if (!cell || cell.t !== 's') continue;
      const where = `${name}!${XLSX.utils.encode_cell({ r, c })}`;
      if (numberLike.test(cell.v.trim()) && !(isTable && identifier(headers[c])))
        fail(`${where}: the number-like '${cell.v}' is text`);
      if (dateLike.test(cell.v.trim())) fail(`${where}: the date-like '${cell.v}' is text`);
    }
  }
  if (!isTable) return;

  if (tidy.some((h, i) => headers[i] !== h)) fail(`${name}: starts ${headers.slice(0, 5)}, not the DfE's ${tidy}`);
  const file = csvFiles[index - 2];
  const csv = parseCsv(readFileSync(join(dir, file), 'utf8').replace(/^\uFEFF/, ''));
  const [csvHeader, ...csvRows] = csv;
  if (csvHeader.join('|') !== headers.join('|')) fail(`${name}: header differs from ${file}'s`);
  if (csvRows.length !== range.e.r) fail(`${name}: ${range.e.r} rows, ${file} has ${csvRows.length}`);
  headers.forEach((header, c) => {
    if (header.endsWith('_date')) {
      for (let r = 1; r <= range.e.r; r++) {
        const cell = sheet[XLSX.utils.encode_cell({ r, c })];
        if (cell && cell.t !== 'd') fail(`${name}!${XLSX.utils.encode_cell({ r, c })}: ${header} is not a date`);
      }
    }
    if (!header.endsWith('(£)')) return;
    moneyColumns++;
    let sheetTotal = 0, csvTotal = 0;
    for (let r = 1; r <= range.e.r; r++) {
      const cell = sheet[XLSX.utils.encode_cell({ r, c })];
      if (!cell) continue;
      if (cell.t !== 'n') {
        fail(`${name}!${XLSX.utils.encode_cell({ r, c })}: ${header} '${cell.v}' is not a number`);
        continue;
      }
      if (cell.v < 0) negativeAmounts++;
      sheetTotal += cell.v;
    }
    for (const row of csvRows) csvTotal += row[c] === '' || row[c] === undefined ? 0 : Number(row[c]);
    // Summed as doubles on both sides: equal to well within a penny.
    if (!(Math.abs(sheetTotal - csvTotal) < 0.005))
      fail(`${name}: ${header} totals ${sheetTotal.toFixed(2)} in the sheet, ${csvTotal.toFixed(2)} in ${file}`);
  });
});

// The first 100 failures say enough; exitCode (not exit()) lets a piped stdout drain.
const summary = { sheets: workbook.SheetNames.length, moneyColumns, negativeAmounts, failureCount: failures.length };
console.log(JSON.stringify({ ...summary, failures: failures.slice(0, 100) }));
process.exitCode = failures.length ? 1 : 0;
