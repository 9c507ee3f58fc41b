#!/usr/bin/env node
/*
 * kql-check: parse and bind (semantically analyse) KQL queries with Microsoft's
 * Kusto.Language, as shipped in the npm package @kusto/language-service-next
 * (a Bridge.NET transpile of the C# Kusto.Language library).
 *
 * Usage:
 *   node check.js --schema SCHEMA.json [--warnings] FILE.kql...
 *       Parses and analyses every file against a database built from SCHEMA.json
 *       ({"name":"db","tables":{"Table":{"Column":"type",...},...}}; a key "Column.name" where
 *       "Column" is dynamic declares a member of that column and is skipped) and prints
 *       every Error diagnostic as
 *           FILE:LINE:COL: error: MESSAGE [CODE]
 *       (LINE and COL are 1-based), then a summary line
 *           kql-check: N files, M errors
 *       With --warnings, Warning diagnostics are printed too (as "warning:"),
 *       but they do not count as errors and do not change the exit status.
 *       Exit status: 0 no errors, 1 at least one error, 2 usage error
 *       (bad arguments, unreadable or invalid schema, unreadable file).
 *
 *   node check.js --stdin-literals
 *       Reads stdin line by line. Each line is a JSON string whose value is the
 *       text of a KQL string literal, e.g.  "\"a\\\\b\""  for the KQL text "a\\b".
 *       For each line prints one JSON line:
 *           {"ok":true,"value":"<decoded value>"}
 *       if Kusto.Language lexes and parses the text as exactly one string literal
 *       token forming the whole query (no trivia, no other tokens, no diagnostics),
 *       otherwise
 *           {"ok":false,"reason":"...",...}
 *       Exit status 0 (even when some literals are rejected), 2 on usage error.
 *
 *   node check.js --stdin-queries
 *       Reads stdin line by line; each line is a JSON string holding a whole query. Lexes it with
 *       Kusto.Language's lexer (no parse, no binding, no schema) and prints one JSON line per query:
 *           {"ok":BOOL,"diagnostics":[...],"tokens":[{"kind":"...","trivia":"...","text":"...","value":"..."},...]}
 *       ok is true when no token has a diagnostic; trivia is the whitespace and comments before
 *       the token (a comment hides no token from this list); value is present on string literal tokens
 *       and holds the string the literal denotes. For tests that check that a rendered value stays
 *       inside its literal and adds no query syntax. Exit status 0, 2 on usage error.
 *
 * The Kusto.Language bridge takes a few hundred milliseconds to load and the
 * first analysis about half a second more, so give it all files in one call.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const readline = require('readline');

const USAGE =
  'usage: node check.js --schema SCHEMA.json [--warnings] FILE.kql...\n' +
  '       node check.js --stdin-literals\n' +
  '       node check.js --stdin-queries\n';

function out(s) { process.stdout.write(s + '\n'); }
function err(s) { process.stderr.write(s + '\n'); }
function usageError(msg) {
  if (msg) err('kql-check: ' + msg);
  process.stderr.write(USAGE);
  process.exit(2);
}

// ---------------------------------------------------------------------------
// Loading Kusto.Language. The package is not a CommonJS module: bridge.js and
// Kusto.Language.Bridge.js define the globals Bridge, System and Kusto.
// Note: bridge.js patches console.log (it capitalises a leading 'string'
// argument, among other things), so this tool writes via process.stdout only.
// ---------------------------------------------------------------------------
let K = null;
function loadKusto() {
  if (K) return K;
  const pkgDir = path.dirname(require.resolve('@kusto/language-service-next/package.json'));
  require(path.join(pkgDir, 'bridge.min.js'));
  require(path.join(pkgDir, 'Kusto.Language.Bridge.min.js'));
  K = global.Kusto.Language;
  return K;
}

/** Iterates a Bridge IReadOnlyList / IEnumerable into a JS array. */
function toArray(list, type) {
  const res = [];
  if (!list) return res;
  const n = System.Array.getCount(list, type);
  for (let i = 0; i < n; i++) res.push(System.Array.getItem(list, i, type));
  return res;
}

// ---------------------------------------------------------------------------
// Schema -> GlobalState
// ---------------------------------------------------------------------------
function buildGlobals(schemaPath) {
  let text;
  try {
    text = fs.readFileSync(schemaPath, 'utf8');
  } catch (e) {
    usageError('cannot read schema ' + schemaPath + ': ' + e.message);
  }
  let schema;
  try {
    schema = JSON.parse(text);
  } catch (e) {
    usageError('schema ' + schemaPath + ' is not valid JSON: ' + e.message);
  }
  if (!schema || typeof schema !== 'object' || typeof schema.tables !== 'object' || schema.tables === null) {
    usageError('schema ' + schemaPath + ' must be {"name":"...","tables":{"Table":{"Column":"type"}}}');
  }
  const S = K.Symbols;
  const tables = [];
  for (const tableName of Object.keys(schema.tables)) {
    const cols = schema.tables[tableName];
    if (!cols || typeof cols !== 'object') usageError('schema: table ' + tableName + ' must map column names to types');
    const columns = [];
    for (const colName of Object.keys(cols)) {
      const typeName = cols[colName];
      // "Column.name" beside a dynamic "Column" declares a member of that column's property bag (sigc checks
      // rule fields against it); it is not a column, so a query that named it as one must not bind.
      const dot = colName.indexOf('.');
      if (dot > 0 && cols[colName.slice(0, dot)] === 'dynamic') continue;
      const type = typeof typeName === 'string' ? S.ScalarTypes.GetSymbol(typeName) : null;
      if (!type) usageError('schema: ' + tableName + '.' + colName + ' has unknown Kusto type ' + JSON.stringify(typeName));
      columns.push(new S.ColumnSymbol(colName, type, null, null, null, null));
    }
    tables.push(new S.TableSymbol.$ctor4(tableName, columns));
  }
  const dbName = typeof schema.name === 'string' && schema.name ? schema.name : 'db';
  const db = new S.DatabaseSymbol.ctor(dbName, tables);
  return K.GlobalState.Default.WithDatabase(db);
}

// ---------------------------------------------------------------------------
// File mode
// ---------------------------------------------------------------------------
function checkFiles(schemaPath, files, showWarnings) {
  loadKusto();
  const globals = buildGlobals(schemaPath);
  let errors = 0;
  const line = { v: 0 };
  const col = { v: 0 };
  for (const file of files) {
    let text;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      usageError('cannot read ' + file + ': ' + e.message);
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // BOM
    const code = K.KustoCode.ParseAndAnalyze(text, globals);
    const diags = toArray(code.GetDiagnostics(), K.Diagnostic)
      .filter(d => d.Severity === K.DiagnosticSeverity.Error ||
                   (showWarnings && d.Severity === K.DiagnosticSeverity.Warning))
      .sort((a, b) => a.Start - b.Start);
    if (text.trim() === '') {
      // Kusto accepts an empty query; for generated output it is always a bug.
      out(file + ':1:1: error: file contains no query [kql-check]');
      errors++;
    }
    for (const d of diags) {
      let ln = 1, cn = 1;
      if (code.TryGetLineAndOffset(d.Start, line, col)) { ln = line.v; cn = col.v; }
      const isError = d.Severity === K.DiagnosticSeverity.Error;
      if (isError) errors++;
      const msg = String(d.Message).replace(/\r?\n/g, ' ');
      out(file + ':' + ln + ':' + cn + ': ' + (isError ? 'error' : 'warning') + ': ' + msg + (d.Code ? ' [' + d.Code + ']' : ''));
    }
  }
  out('kql-check: ' + files.length + ' files, ' + errors + ' errors');
  return errors === 0 ? 0 : 1;
}

// ---------------------------------------------------------------------------
// Literal mode
// ---------------------------------------------------------------------------
let kindNames = null;
function kindName(kind) {
  if (!kindNames) {
    kindNames = {};
    const SK = K.Syntax.SyntaxKind;
    for (const name of Object.keys(SK)) if (typeof SK[name] === 'number') kindNames[SK[name]] = name;
  }
  return kindNames[kind] || String(kind);
}

/** Returns {ok:true,value} or {ok:false,reason,...} for one candidate literal text. */
function checkLiteral(text) {
  const SK = K.Syntax.SyntaxKind;
  const code = K.KustoCode.Parse(text);
  const diags = toArray(code.GetDiagnostics(), K.Diagnostic);
  const tokens = toArray(code.GetLexicalTokens(), K.Parsing.LexicalToken);
  const tokenInfo = () => tokens.map(t => ({ kind: kindName(t.Kind), text: t.Text, trivia: t.Trivia }));
  if (diags.length > 0) {
    return {
      ok: false, reason: 'diagnostics',
      diagnostics: diags.map(d => ({ severity: d.Severity, start: d.Start, length: d.Length, code: d.Code, message: d.Message })),
      tokens: tokenInfo(),
    };
  }
  if (tokens.length !== 2 || tokens[0].Kind !== SK.StringLiteralToken || tokens[1].Kind !== SK.EndOfTextToken) {
    return { ok: false, reason: 'not exactly one string literal token', tokens: tokenInfo() };
  }
  if (tokens[0].Trivia !== '' || tokens[1].Trivia !== '' || tokens[0].Text !== text) {
    return { ok: false, reason: 'literal token does not span the whole text', tokens: tokenInfo() };
  }
  // QueryBlock > statement list > ExpressionStatement > StringLiteralExpression
  const root = code.Syntax;
  const stmts = [];
  (function walk(n) {
    if (!n) return;
    if (n.Kind === SK.ExpressionStatement) { stmts.push(n); return; }
    for (let i = 0; i < n.ChildCount; i++) walk(n.GetChild(i));
  })(root);
  if (stmts.length !== 1) return { ok: false, reason: 'expected one expression statement, found ' + stmts.length };
  const expr = stmts[0].Expression;
  if (!expr || expr.Kind !== SK.StringLiteralExpression) {
    return { ok: false, reason: 'expression is ' + (expr ? kindName(expr.Kind) : 'missing') + ', not StringLiteralExpression' };
  }
  const value = expr.LiteralValue;
  if (typeof value !== 'string') return { ok: false, reason: 'literal has no string value' };
  // Cross-check with the lexer-level decoder used elsewhere in Kusto.Language.
  const value2 = K.KustoFacts.GetStringLiteralValue(text);
  if (value2 !== value) return { ok: false, reason: 'LiteralValue and KustoFacts.GetStringLiteralValue disagree', value: value, value2: value2 };
  return { ok: true, value: value };
}

function literalMode() {
  loadKusto();
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  rl.on('line', (line) => {
    let text;
    try {
      text = JSON.parse(line);
    } catch (e) {
      out(JSON.stringify({ ok: false, reason: 'input line is not JSON: ' + e.message }));
      return;
    }
    if (typeof text !== 'string') {
      out(JSON.stringify({ ok: false, reason: 'input line is not a JSON string' }));
      return;
    }
    let res;
    try {
      res = checkLiteral(text);
    } catch (e) {
      res = { ok: false, reason: 'exception: ' + (e && e.message ? e.message : String(e)) };
    }
    out(JSON.stringify(res));
  });
  // no process.exit(): it would drop answers still queued for a piped stdout; node exits once they are written
  rl.on('close', () => { process.exitCode = 0; });
}

// ---------------------------------------------------------------------------
// Query mode
// ---------------------------------------------------------------------------
/**
 * Lexes one query with Kusto.Language's own lexer (TokenParser.ParseTokens; no parse, no binding) and
 * reports its tokens, so that a caller can check that a value it rendered stayed inside its literal:
 * {ok, diagnostics, tokens:[{kind, trivia, text, value?}]}. value is the decoded string of a string
 * literal token (KustoFacts.GetStringLiteralValue); ok means no token has a diagnostic. Lexing alone is
 * what decides where a literal ends, and it is about twenty times faster than a full parse.
 */
function checkQuery(text) {
  const SK = K.Syntax.SyntaxKind;
  const lexed = toArray(K.Parsing.TokenParser.ParseTokens(text, null), K.Parsing.LexicalToken);
  const diagnostics = [];
  const tokens = lexed.map(t => {
    for (const d of toArray(t.Diagnostics, K.Diagnostic)) diagnostics.push(String(d.Message));
    const tok = { kind: kindName(t.Kind), trivia: t.Trivia, text: t.Text };
    if (t.Kind === SK.StringLiteralToken) tok.value = K.KustoFacts.GetStringLiteralValue(t.Text);
    return tok;
  });
  return { ok: diagnostics.length === 0, diagnostics: diagnostics, tokens: tokens };
}

function queryMode() {
  loadKusto();
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  rl.on('line', (line) => {
    let res;
    try {
      const text = JSON.parse(line);
      res = typeof text === 'string' ? checkQuery(text) : { ok: false, reason: 'input line is not a JSON string' };
    } catch (e) {
      res = { ok: false, reason: 'exception: ' + (e && e.message ? e.message : String(e)) };
    }
    out(JSON.stringify(res));
  });
  // no process.exit(): it would drop answers still queued for a piped stdout; node exits once they are written
  rl.on('close', () => { process.exitCode = 0; });
}

// ---------------------------------------------------------------------------
// main
// ---------------------------------------------------------------------------
function main(argv) {
  let schemaPath = null;
  let literals = false;
  let queries = false;
  let warnings = false;
  const files = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--schema') {
      if (i + 1 >= argv.length) usageError('--schema needs a file');
      schemaPath = argv[++i];
    } else if (a.startsWith('--schema=')) {
      schemaPath = a.slice('--schema='.length);
    } else if (a === '--stdin-literals') {
      literals = true;
    } else if (a === '--stdin-queries') {
      queries = true;
    } else if (a === '--warnings') {
      warnings = true;
    } else if (a === '-h' || a === '--help') {
      process.stdout.write(USAGE);
      process.exit(0);
    } else if (a === '--') {
      files.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith('-') && a !== '-') {
      usageError('unknown option ' + a);
    } else {
      files.push(a);
    }
  }
  if (literals && queries) usageError('--stdin-literals and --stdin-queries exclude each other');
  if (literals || queries) {
    if (files.length || schemaPath) usageError((literals ? '--stdin-literals' : '--stdin-queries') + ' takes no schema and no files');
    if (literals) literalMode(); else queryMode();
    return;
  }
  if (!schemaPath) usageError('--schema is required');
  if (files.length === 0) usageError('no files given');
  process.exitCode = checkFiles(schemaPath, files, warnings);
}

main(process.argv.slice(2));
