#!/usr/bin/env node
// Offline syntax check of the SQL StripeModelGen writes, with the dialect's own grammar.
//
//   node check.mjs <file.sql | dir | -> [more ...] <dialect> [--json]
//
// A directory stands for its *.sql files (sorted). Several files in one call pay Node's start-up and
// the grammar's load once. Exit codes: 0 every file parses; 1 a syntax error (one line per error on
// stderr: `SYNTAX ERROR file:line:col [dialect] message`, or every result as JSON on stdout with
// --json); 2 bad usage, an unknown dialect, an unreadable file.
//
// Dialects and parsers (syntax only: unknown tables, columns, functions and types pass):
//   postgres   libpg-query 15.6.3: PostgreSQL 15's own grammar (gram.y) compiled to WASM. Pinned to
//              15.x because newer builds accept PostgreSQL 16+ syntax that older servers reject.
//   snowflake  @guanmingchiu/sqlparser-ts 0.62.0 (sqlparser-rs, WASM, its Snowflake dialect), then
//              sql-formatter 15.9.0's Snowflake tokenizer (rejects backticks and `@name`).
//   trino      dt-sql-parser 4.5.1 (an ANTLR grammar derived from Trino's SqlBase.g4), then
//              sql-formatter's Trino tokenizer (Trino's grammar lets backticks through).
//   sqlserver  antlr4ts-sql 1.1.0 (grammars-v4 TSqlParser, about 2021), with `antlr4ts` overridden to
//              0.5.0-alpha.4 in package.json. Its grammar predates CREATE OR ALTER VIEW (SQL Server
//              2016 SP1), so `OR ALTER` is blanked before parsing (same length: positions stay right).
// Wiring another dialect is one entry in CHECKERS plus its pinned package in package.json.
//
// Also importable: `import { checkSql } from './check.mjs'` ->
//   { ok: true } | { ok: false, errors: [{ parser, line, column, message }] }

import { createRequire, register } from 'node:module';
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

// ------------------------------------------------------------------ sql-formatter's tokenizer, a second pass
let formatter;
function checkTokens(sql, language, paramTypes) {
  if (!formatter) formatter = require('sql-formatter');
  try {
    formatter.format(sql, { language, paramTypes });
    return [];
  } catch (e) {
    const message = String(e.message).split('\n')[0];
    const at = /line (\d+) column (\d+)/.exec(message);
    return [{ parser: `sql-formatter 15.9.0 (${language} tokenizer)`, line: at ? +at[1] : undefined, column: at ? +at[2] : undefined, message }];
  }
}

// ------------------------------------------------------------------ snowflake
let sqlparser;
async function checkSnowflake(sql) {
  if (!sqlparser) {
    sqlparser = await import('@guanmingchiu/sqlparser-ts');
    await sqlparser.init();
  }
  try {
    sqlparser.parse(sql, 'snowflake');
  } catch (e) {
    const message = String(e.message ?? e);
    const at = /Line: (\d+), Column: (\d+)/.exec(message);
    return [{ parser: 'sqlparser-rs 0.62 (Snowflake dialect)', line: at ? +at[1] : undefined, column: at ? +at[2] : undefined, message }];
  }
  // Snowflake binds named parameters as :name.
  return checkTokens(sql, 'snowflake', { named: [':'] });
}

// ------------------------------------------------------------------ trino
// dt-sql-parser ships bundler-style ESM (extensionless and directory imports) that plain Node cannot
// resolve; this resolve hook retries such specifiers with '.js' and '/index.js'.
const RESOLVE_HOOK = `export async function resolve(specifier, context, next) {
  try { return await next(specifier, context); } catch (e) {
    if (specifier.startsWith('.') && (e.code === 'ERR_UNSUPPORTED_DIR_IMPORT' || e.code === 'ERR_MODULE_NOT_FOUND')) {
      for (const suffix of ['.js', '/index.js']) { try { return await next(specifier + suffix, context); } catch {} }
    }
    throw e;
  }
}`;
let TrinoSQL;
async function checkTrino(sql) {
  if (!TrinoSQL) {
    register('data:text/javascript,' + encodeURIComponent(RESOLVE_HOOK));
    ({ TrinoSQL } = await import('dt-sql-parser'));
  }
  // dt-sql-parser leaves ANTLR's console error listener attached: mute it while validating.
  const consoleError = console.error;
  console.error = () => {};
  let errors;
  try {
    errors = new TrinoSQL().validate(sql);
  } finally {
    console.error = consoleError;
  }
  if (errors.length)
    return errors.map((e) => ({ parser: 'dt-sql-parser 4.5.1 (Trino grammar)', line: e.startLine, column: e.startColumn, message: e.message }));
  // Trino binds positional parameters as ?.
  return checkTokens(sql, 'trino', { positional: true });
}

// ------------------------------------------------------------------ sqlserver
const blank = (text) => text.replace(/[^\n]/g, ' ');
/** CREATE OR ALTER VIEW (SQL Server 2016 SP1+) -> CREATE VIEW, which the 2021 grammar knows. */
export function tsqlShims(sql) {
  return sql.replace(/\bCREATE(\s+)OR(\s+)ALTER(\s+)VIEW\b/gi, (m) => 'CREATE' + blank(m.slice(6, -4)) + 'VIEW');
}
let tsql;
async function checkSqlServer(sql) {
  if (!tsql) {
    // The package index re-exports antlr4ts/tree/xpath, which fails to load: import the class itself.
    const { antlr4tsSQL } = require('antlr4ts-sql/dist/src/antlr4tsSQL');
    const { SQLDialect } = require('antlr4ts-sql/dist/src/models/SQLDialect');
    tsql = () => new antlr4tsSQL(SQLDialect.TSQL);
  }
  const text = tsqlShims(sql);
  const parser = tsql();
  const errors = [];
  const listener = {
    syntaxError: (_recognizer, symbol, line, column, message) => {
      // The grammar's case-changing stream blanks token text in messages: show the source instead.
      const token = symbol && symbol.startIndex >= 0 ? text.slice(symbol.startIndex, symbol.stopIndex + 1) : '';
      errors.push({
        parser: 'antlr4ts-sql 1.1.0 (grammars-v4 TSqlParser)',
        line,
        column: column + 1,
        message: message.replace(/ expecting \{.*$/s, '').replace(/ at input '.*'$/s, '').replace(/'<\d+>'/g, `'${token}'`)
          + (token && !/'<\d+>'/.test(message) ? ` near '${token}'` : ''),
      });
    },
  };
  parser.getParseTree(parser.getParser(parser.getTokens(text, [listener]), [listener]));
  return errors;
}

/** Dialect name (as in dialects/<name>.yml) -> checker. */
const CHECKERS = {
  postgres: checkPostgres,
  snowflake: checkSnowflake,
  trino: checkTrino,
  sqlserver: checkSqlServer,
};

export async function checkSql(sql, dialect) {
  const check = CHECKERS[dialect];
  if (!check) throw new UsageError(unknownDialect(dialect));
  if (!sql.trim()) return { ok: false, errors: [{ parser: 'check.mjs', message: 'empty SQL' }] };
  const errors = await check(sql);
  return errors.length ? { ok: false, errors } : { ok: true };
}

class UsageError extends Error {}

function unknownDialect(dialect) {
  return `unknown dialect '${dialect}' (wired: ${Object.keys(CHECKERS).join(', ')})`;
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
