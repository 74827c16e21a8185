#!/usr/bin/env node
// Offline syntax check of the SQL StripeModelGen writes, with the dialect's own grammar.
//
//   node check.mjs <file.sql | dir | -> [more ...] <dialect> [--json]
//
// A directory stands for its *.sql files (sorted). Several files in one call pay Node's start-up and
// the grammar's load once. Exit codes: 0 every file parses; 1 a syntax error (one line per error on
// stderr: `SYNTAX ERROR file:line:col [dialect] message`, or every result as JSON on stdout with
// --json); 2 bad usage, an unknown or not yet wired dialect, an unreadable file.
//
// Dialects and parsers (syntax only: unknown tables, columns, functions and types pass):
//   postgres  libpg-query 15.6.3: PostgreSQL 15's own grammar (gram.y) compiled to WASM. Pinned to
//             15.x because newer builds accept PostgreSQL 16+ syntax that older servers reject.
// Wiring another dialect is one entry in CHECKERS plus its pinned package; the parsers known to
// work are, per the evaluation in the project's design notes: trino, dt-sql-parser 4.5.1 (Trino's
// ANTLR grammar; needs a resolve hook for its bundler-style ESM) with sql-formatter 15.9.0's
// tokenizer; snowflake, @guanmingchiu/sqlparser-ts 0.62.0 (sqlparser-rs, `snowflake` dialect) with
// sql-formatter; sqlserver, antlr4ts-sql 1.1.0 (grammars-v4 TSqlParser, with `antlr4ts` overridden
// to 0.5.0-alpha.4 and shims for CREATE OR ALTER VIEW and IGNORE NULLS).
//
// Also importable: `import { checkSql } from './check.mjs'` ->
//   { ok: true } | { ok: false, errors: [{ parser, line, column, message }] }

import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/** The 1-based line and column of a 0-based character offset. */
function lineColumn(sql, offset) {
  const lines = sql.slice(0, Math.max(0, offset)).split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

// ------------------------------------------------------------------ postgres
let pg;
async function checkPostgres(sql) {
  if (!pg) {
    pg = require('libpg-query');
    await pg.loadModule();
  }
  try {
    pg.parseSync(sql);
    return [];
  } catch (e) {
    // cursorPosition is the 0-based offset of the offending token
    const position = e.sqlDetails?.cursorPosition;
    const where = typeof position === 'number' ? lineColumn(sql, position) : {};
    return [{ parser: 'libpg-query 15 (PostgreSQL 15 grammar)', ...where, message: e.message }];
  }
}

/** Dialect name (as in dialects/<name>.yml) -> checker. */
const CHECKERS = {
  postgres: checkPostgres,
};

/** Dialects a checker exists for elsewhere but that this project has not wired yet. */
const NOT_WIRED = ['snowflake', 'trino', 'sqlserver'];

export async function checkSql(sql, dialect) {
  const check = CHECKERS[dialect];
  if (!check) throw new UsageError(unknownDialect(dialect));
  if (!sql.trim()) return { ok: false, errors: [{ parser: 'check.mjs', message: 'empty SQL' }] };
  const errors = await check(sql);
  return errors.length ? { ok: false, errors } : { ok: true };
}

class UsageError extends Error {}

function unknownDialect(dialect) {
  return NOT_WIRED.includes(dialect)
    ? `dialect '${dialect}' has no checker wired yet (wired: ${Object.keys(CHECKERS).join(', ')})`
    : `unknown dialect '${dialect}' (wired: ${Object.keys(CHECKERS).join(', ')})`;
}

function expand(argument) {
  if (argument === '-') return ['-'];
  if (!fs.existsSync(argument)) throw new UsageError(`no such file or directory: ${argument}`);
  if (!fs.statSync(argument).isDirectory()) return [argument];
  return fs.readdirSync(argument).filter((f) => f.endsWith('.sql')).sort().map((f) => path.join(argument, f));
}

async function main(argv) {
  const json = argv.includes('--json');
  const positional = argv.filter((a) => a !== '--json');
  const dialect = positional.pop();
  if (!positional.length || !dialect) {
    console.error('usage: node check.mjs <file.sql | dir | -> [...] <dialect> [--json]');
    return 2;
  }
  try {
    if (!CHECKERS[dialect]) throw new UsageError(unknownDialect(dialect));
    const files = positional.flatMap(expand);
    if (!files.length) throw new UsageError('no .sql files to check');
    const results = [];
    for (const file of files) {
      const sql = fs.readFileSync(file === '-' ? 0 : file, 'utf8');
      const result = await checkSql(sql, dialect);
      results.push({ file, dialect, ...result });
      if (json) continue;
      if (result.ok) console.log(`OK ${file} (${dialect})`);
      for (const e of result.errors ?? []) {
        const where = e.line ? `${file}:${e.line}:${e.column}` : file;
        console.error(`SYNTAX ERROR ${where} [${dialect}] ${e.message} (${e.parser})`);
      }
    }
    if (json) console.log(JSON.stringify(results, null, 1));
    return results.every((r) => r.ok) ? 0 : 1;
  } catch (e) {
    console.error(`check.mjs: ${e.message}`);
    return 2;
  }
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href;
if (isMain) process.exitCode = await main(process.argv.slice(2));
