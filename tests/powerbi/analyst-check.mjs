// The analyst's check of the Power BI star schema (issue 6), with DuckDB: an engine independent of the
// one that wrote the files. Reads every Parquet file and its CSV as an analyst would and checks that
// row counts agree, keys are unique, every foreign key resolves, the date table is whole gap-free years,
// HNB totals and FTE equal the datasets, and no pupil identifier or date of birth leaks.
//
//   node tests/powerbi/analyst-check.mjs STORE_DIR PUPILS_JSON
//   env PUPIL_KEY_SECRET: the base64 secret the rebuild keyed pupils with.
//   PUPILS_JSON: [{ "id": UPN or ULN, "dob": "yyyy-mm-dd", "raw": [strings as uploaded] }]
// Prints one line per failed check (never an identifier) and exits 1 if any failed.
import { createRequire } from 'node:module';
import { createHmac } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, '.tools', 'duckdb', 'package.json'));
const { DuckDBInstance } = require('@duckdb/node-api');

const [store, pupilsFile] = process.argv.slice(2);
const powerbi = join(store, 'powerbi');
const schema = JSON.parse(readFileSync(join(powerbi, 'schema.json'), 'utf8'));
const pupils = JSON.parse(readFileSync(pupilsFile, 'utf8'));
const secret = Buffer.from(process.env.PUPIL_KEY_SECRET ?? '', 'base64');

const db = await (await DuckDBInstance.create(':memory:')).connect();
const failures = [];
const q = async (sql) => (await db.runAndReadAll(sql)).getRowObjectsJS();
const one = async (sql) => Object.values((await q(sql))[0])[0];
const fail = (msg) => failures.push(msg);
const lit = (s) => `'${s.replaceAll("'", "''")}'`;

// Every table as a view over its Parquet file, and its CSV beside it.
for (const t of schema.tables) {
  await db.run(`CREATE VIEW ${t.name} AS SELECT * FROM read_parquet(${lit(join(powerbi, t.parquet))})`);
  await db.run(`CREATE VIEW ${t.name}_csv AS SELECT * FROM read_csv(${lit(join(powerbi, t.csv))}, header = true, all_varchar = true)`);
}

let rows = 0;
for (const t of schema.tables) {
  const [parquet, csv] = [Number(await one(`SELECT count(*) FROM ${t.name}`)), Number(await one(`SELECT count(*) FROM ${t.name}_csv`))];
  rows += parquet;
  if (parquet !== csv) fail(`${t.name}: ${parquet} Parquet rows but ${csv} CSV rows`);
  const columns = (await q(`DESCRIBE ${t.name}`)).map((c) => c.column_name);
  if (columns.join(',') !== t.columns.map((c) => c.name).join(',')) fail(`${t.name}: Parquet columns ${columns} are not schema.json's`);
  if (t.key) {
    const dupes = Number(await one(`SELECT count(*) - count(DISTINCT "${t.key}") FROM ${t.name}`));
    const nulls = Number(await one(`SELECT count(*) FROM ${t.name} WHERE "${t.key}" IS NULL`));
    if (dupes !== 0 || nulls !== 0) fail(`${t.name}: key ${t.key} has ${dupes} duplicates and ${nulls} nulls`);
  }
}

for (const r of schema.relationships) {
  const orphans = Number(await one(`SELECT count(*) FROM ${r.fact} f LEFT JOIN ${r.dimension} d ON f."${r.column}" = d."${r.dimensionKey}" WHERE f."${r.column}" IS NOT NULL AND d."${r.dimensionKey}" IS NULL`));
  if (orphans !== 0) fail(`${r.fact}.${r.column}: ${orphans} rows do not resolve in ${r.dimension}`);
}

// Placements (issue 16): every provider resolves to a setting through the register (under 1% Unknown),
// and each placement has its cost, funding element and primary need.
let unknownSettings = null;
if (schema.tables.some((t) => t.name === 'fact_placement')) {
  const [total, unknown] = Object.values((await q(`SELECT count(*)::INT, (count(*) FILTER (WHERE SettingKey = 0))::INT FROM fact_placement`))[0]);
  unknownSettings = { total, unknown };
  if (total === 0 || unknown / total >= 0.01) fail(`fact_placement: ${unknown} of ${total} placements have an unknown setting (under 1% expected)`);
  const missing = Number(await one(`SELECT count(*) FROM fact_placement WHERE AnnualCost IS NULL OR FundingElement IS NULL OR NeedKey = 0`));
  if (missing > 0) fail(`fact_placement: ${missing} placements lack AnnualCost, FundingElement or PrimaryNeed`);
}

// Suppressed build (issue 16): the aggregate tables publish most of their cells, and a blanked count is null.
let aggregateCells = null;
for (const t of schema.tables.filter((t) => t.name.startsWith('agg_'))) {
  const count = t.columns.find((c) => c.name === 'Pupils' || c.name === 'Placements').name;
  const [cells, published, bad] = Object.values((await q(`SELECT count(*)::INT, (count(*) FILTER (WHERE NOT Suppressed))::INT,
    (count(*) FILTER (WHERE (Suppressed AND "${count}" IS NOT NULL) OR (NOT Suppressed AND "${count}" IS NULL)))::INT FROM ${t.name}`))[0]);
  aggregateCells ??= { cells: 0, published: 0 };
  aggregateCells.cells += cells;
  aggregateCells.published += published;
  if (bad > 0) fail(`${t.name}: ${bad} rows whose ${count} and Suppressed disagree`);
}
if (aggregateCells && aggregateCells.published * 2 <= aggregateCells.cells) fail(`aggregates: only ${aggregateCells.published} of ${aggregateCells.cells} cells published`);

const [days, first, last] = Object.values((await q(`SELECT count(*)::INT, strftime(min(Date), '%m-%d'), strftime(max(Date), '%m-%d') FROM dim_date`))[0]);
const span = Number(await one(`SELECT date_diff('day', min(Date), max(Date)) + 1 FROM dim_date`));
if (days !== span || first !== '01-01' || last !== '12-31') fail(`dim_date: ${days} days over a span of ${span}, from ${first} to ${last}: not whole gap-free years`);

// HNB spend: the modelled rows equal hnb-forecast.csv, year by year and scenario by scenario, to the penny.
const hnbCsv = join(store, 'datasets', 'hnb-forecast', 'hnb-forecast.csv');
const hnbDiff = await q(`
  WITH star AS (SELECT y.FinancialYear, s.Scenario, sum(f.Amount) AS Amount FROM fact_hnb_spend f
                JOIN dim_financial_year y USING (FinancialYearKey) JOIN dim_scenario s USING (ScenarioKey) WHERE f.Basis = 'Modelled' GROUP BY ALL),
       dataset AS (SELECT FinancialYear, Scenario, sum(Amount::DECIMAL(18,2)) AS Amount FROM read_csv(${lit(hnbCsv)}, header = true, all_varchar = true) GROUP BY ALL)
  SELECT coalesce(star.FinancialYear, dataset.FinancialYear) AS y FROM star FULL JOIN dataset USING (FinancialYear, Scenario)
  WHERE star.Amount IS DISTINCT FROM dataset.Amount`);
if (hnbDiff.length > 0) fail(`fact_hnb_spend: totals differ from hnb-forecast.csv in ${hnbDiff.length} year-scenarios`);
if (Number(await one(`SELECT count(*) FROM fact_hnb_spend WHERE Basis = 'Modelled'`)) === 0) fail('fact_hnb_spend: no modelled rows to reconcile');

// FTE: the workforce quarter's posts by discipline, role and status equal fte.csv.
const fteCsv = join(store, 'datasets', 'workforce', 'fte.csv');
const fteDiff = await q(`
  WITH dataset AS (SELECT Discipline, Role, sum(FteFilled::DECIMAL(18,4) + FteVacant::DECIMAL(18,4) + FteAgency::DECIMAL(18,4) + FteSecondment::DECIMAL(18,4)) AS Fte
                   FROM read_csv(${lit(fteCsv)}, header = true, all_varchar = true) GROUP BY ALL),
       star AS (SELECT d.Discipline, f.Role, sum(f.Fte) AS Fte FROM fact_workforce_post f JOIN dim_discipline d USING (DisciplineKey)
                JOIN dim_financial_quarter q USING (FinancialQuarterKey)
                WHERE q.IsWorkforceQuarter AND lower(f.Status) IN ('filled', 'vacant', 'agency', 'secondment') GROUP BY ALL)
  SELECT * FROM star FULL JOIN dataset USING (Discipline, Role) WHERE star.Fte IS DISTINCT FROM dataset.Fte`);
if (fteDiff.length > 0) fail(`fact_workforce_post: FTE differs from fte.csv in ${fteDiff.length} discipline-roles`);
if (Number(await one(`SELECT count(*) FROM fact_workforce_post`)) === 0) fail('fact_workforce_post: no posts to reconcile');

// The LA in its field (issue 19, item 7): one home LA, its neighbours each at a rank of their own, each area's
// placement groups adding up to its plans, and the LA's plans equal to its actual caseload in fact_ehcp_caseload
// (both the DfE's published figures, read through different paths).
let field = null;
if (schema.tables.some((t) => t.name === 'dim_field_area')) {
  const [areas, homes, neighbours, ranks] = Object.values((await q(`SELECT (count(*) FILTER (WHERE FieldAreaKey > 0))::INT,
    (count(*) FILTER (WHERE Role = 'Home LA'))::INT, (count(*) FILTER (WHERE Role = 'Statistical neighbour'))::INT,
    count(DISTINCT NeighbourRank)::INT FROM dim_field_area`))[0]);
  const mine = `SELECT f.* FROM fact_field_caseload f JOIN dim_field_area a USING (FieldAreaKey) WHERE a.Role = 'Home LA'`;
  const [januaries, matched] = Object.values((await q(`SELECT count(*)::INT, (count(*) FILTER (WHERE e.Plans IS NOT NULL))::INT
    FROM (${mine}) h LEFT JOIN (SELECT AcademicYear, Plans FROM fact_ehcp_caseload WHERE Basis = 'Actual') e USING (AcademicYear)`))[0]);
  field = { areas, neighbours, januaries, matched };
  if (areas > 0 && homes !== 1) fail(`dim_field_area: ${homes} home LAs (1 expected)`);
  if (ranks !== neighbours) fail(`dim_field_area: ${neighbours} neighbours but ${ranks} distinct ranks`);
  const differ = Number(await one(`SELECT count(*) FROM (${mine}) h JOIN fact_ehcp_caseload e USING (AcademicYear)
    WHERE e.Basis = 'Actual' AND h.Plans::DECIMAL(18,4) IS DISTINCT FROM e.Plans`));
  if (differ > 0) fail(`fact_field_caseload: the LA's plans differ from fact_ehcp_caseload in ${differ} Januaries`);
  const [splits, unbalanced] = Object.values((await q(`SELECT count(*)::INT, (count(*) FILTER (WHERE p.Plans <> c.Plans))::INT
    FROM (SELECT FieldAreaKey, AcademicYear, sum(Plans) AS Plans FROM fact_field_placement GROUP BY ALL) p
    JOIN fact_field_caseload c USING (FieldAreaKey, AcademicYear)`))[0]);
  field.placementSplits = splits;
  if (unbalanced > 0) fail(`fact_field_placement: ${unbalanced} area-Januaries whose groups do not add up to their plans`);
}

// Privacy 1: no identifier, and no date of birth in the form it was uploaded, in any byte of any file,
// nor in any text value DuckDB reads from the Parquet files (which are compressed, so bytes alone would not do).
const files = [];
const walk = (dir) => { for (const n of readdirSync(dir)) { const p = join(dir, n); statSync(p).isDirectory() ? walk(p) : files.push(p); } };
walk(powerbi);
const needles = new Set();
for (const p of pupils) { needles.add(p.id); for (const r of p.raw ?? []) needles.add(r); }
for (const file of files) {
  // Every run of letters, digits and slashes, as a set: a leaked UPN, ULN or dd/mm/yyyy date is such a run
  // (CSV, JSON and Parquet all delimit values), and a set keeps thousands of needles quick.
  const tokens = new Set(readFileSync(file).toString('latin1').match(/[A-Za-z0-9\/]+/g) ?? []);
  let hits = 0;
  for (const n of needles) if (tokens.has(n)) hits++;
  if (hits > 0) fail(`${file.slice(powerbi.length + 1)}: ${hits} pupil identifiers or uploaded dates of birth found`);
}
// Loaded from a JSON file DuckDB reads itself: thousands of literals in SQL would be slow to parse.
await db.run(`CREATE TABLE ids AS SELECT DISTINCT id FROM read_json(${lit(pupilsFile)}, columns = {id: 'VARCHAR', dob: 'VARCHAR', raw: 'VARCHAR[]'})`);
for (const t of schema.tables) {
  for (const c of t.columns.filter((c) => c.type === 'String')) {
    const hits = Number(await one(`SELECT count(*) FROM ${t.name} WHERE "${c.name}" IN (SELECT id FROM ids)`));
    if (hits > 0) fail(`${t.name}.${c.name}: ${hits} values are pupil identifiers`);
  }
}

// Privacy 2: no pupil's row carries their date of birth, as a date or a date key. The check keys each
// pupil as the pipeline should (HMAC-SHA256 under the secret), which also proves the keys are that HMAC.
const keyed = pupils.filter((p) => p.dob).map((p) => [createHmac('sha256', secret).update(p.id.toUpperCase()).digest('hex'), p.dob]);
await db.run(`CREATE TABLE births (PupilKey VARCHAR, Dob VARCHAR)`);
const appender = await db.createAppender('births');
for (const [k, d] of keyed) { appender.appendVarchar(k); appender.appendVarchar(d); appender.endRow(); }
appender.closeSync();
let joined = 0;
for (const t of schema.tables.filter((t) => t.columns.some((c) => c.name === 'PupilKey'))) {
  joined += Number(await one(`SELECT count(*) FROM ${t.name} f JOIN births b USING (PupilKey)`));
  for (const c of t.columns.filter((c) => c.type === 'Date' || c.name.endsWith('DateKey'))) {
    const value = c.type === 'Date' ? `f."${c.name}"` : `strptime(f."${c.name}"::VARCHAR, '%Y%m%d')::DATE`;
    const hits = Number(await one(`SELECT count(*) FROM ${t.name} f JOIN births b USING (PupilKey) WHERE ${value} = b.Dob::DATE`));
    if (hits > 0) fail(`${t.name}.${c.name}: ${hits} rows hold the pupil's own date of birth`);
  }
}
const pupilFacts = schema.tables.filter((t) => t.columns.some((c) => c.name === 'PupilKey')).length;
if (pupilFacts > 0 && joined === 0) fail('no pupil key in the outputs matches HMAC-SHA256(secret, UPN or ULN): the keys are not the documented HMAC');

console.log(JSON.stringify({ tables: schema.tables.length, rows, files: files.length, pupilsSearched: pupils.length, pupilRowsMatched: joined, unknownSettings, aggregateCells, field, failures }));
process.exit(failures.length === 0 ? 0 : 1);
