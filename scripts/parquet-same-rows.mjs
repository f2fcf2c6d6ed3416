// node scripts/parquet-same-rows.mjs DIR_A DIR_B (two powerbi/ folders): every Parquet table under DIR_A has
// the same schema and the same rows in the same order (file_row_number compared) as the table of the same
// name under DIR_B, read by DuckDB (scripts/duckdb.sh installs it), whatever their row groups. Exit code 1
// when any differs. Used to check that writing the star a row group at a time changed no value (issue 20).
import { createRequire } from 'node:module';
import { readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, '.tools', 'duckdb', 'package.json'));
const { DuckDBInstance } = require('@duckdb/node-api');
const [a, b] = process.argv.slice(2);
const db = await (await DuckDBInstance.create(':memory:')).connect();
const q = async (sql) => (await db.runAndReadAll(sql)).getRowObjectsJS();
const lit = (s) => `'${s.replaceAll("'", "''")}'`;
let failures = 0;
for (const table of readdirSync(a, { withFileTypes: true }).filter(d => d.isDirectory()).map(d => d.name).sort()) {
  const [fa, fb] = [join(a, table, `${table}.parquet`), join(b, table, `${table}.parquet`)];
  const read = (f) => `read_parquet(${lit(f)}, file_row_number = true)`;
  const [ra, rb] = [read(fa), read(fb)];
  const sa = JSON.stringify(await q(`DESCRIBE SELECT * FROM read_parquet(${lit(fa)})`));
  const sb = JSON.stringify(await q(`DESCRIBE SELECT * FROM read_parquet(${lit(fb)})`));
  const [{ n: na }] = await q(`SELECT count(*) AS n FROM ${ra}`);
  const [{ n: nb }] = await q(`SELECT count(*) AS n FROM ${rb}`);
  const [{ n: ab }] = await q(`SELECT count(*) AS n FROM (SELECT * FROM ${ra} EXCEPT ALL SELECT * FROM ${rb})`);
  const [{ n: ba }] = await q(`SELECT count(*) AS n FROM (SELECT * FROM ${rb} EXCEPT ALL SELECT * FROM ${ra})`);
  const groups = async (f) =>
    (await q(`SELECT count(DISTINCT row_group_id) AS g FROM parquet_metadata(${lit(f)})`))[0].g;
  const ok = sa === sb && na === nb && ab === 0n && ba === 0n;
  if (!ok) failures++;
  console.log(`${ok ? 'same' : 'DIFFERENT'} ${table}: ${na} rows, row groups ${await groups(fa)} -> ${await groups(fb)}`
    + (ok ? '' : ` (schema ${sa === sb}, rows ${na}/${nb}, only in first ${ab}, only in second ${ba})`));
}
console.log(failures === 0 ? 'all Parquet files hold the same rows' : `${failures} differ`);
process.exit(failures === 0 ? 0 : 1);
