#!/usr/bin/env node
// check_report.js PAGE SCREENSHOT — the audit page (make report) in
// headless Chromium, driven by puppeteer-core (make report-test).
//
// Checks, each against an oracle of its own rather than the page:
//  - the function table has exactly one row per public function, the
//    list coming from the compiler (gcc -aux-info over memview.h and
//    memview_sim.h: every function they declare, less the mv__ names);
//  - clicking a column header reorders the rows, sorted by that column,
//    and a second click reverses the order;
//  - the filter keeps exactly the rows whose text holds the query, at
//    least every function whose name holds it;
//  - the header's totals equal build/wp/proof-summary.txt (make prove)
//    and build/coverage/summary.txt (lcov --summary, make coverage);
//  - the link to the lcov report leads to a file that exists;
//  - no console error, page error or failed request.
// Writes a screenshot of the top of the page.  Prints "N passed, N failed"
// last and exits non-zero on any failure.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { fileURLToPath, pathToFileURL } = require('url');
const puppeteer = require('puppeteer-core');

const ROOT = path.resolve(__dirname, '..');
const CHROMIUM = process.env.MV_CHROMIUM || '/usr/bin/chromium';
const TIMEOUT_MS = 120000;

let passed = 0;
let failed = 0;

function check(name, ok, detail) {
  if (ok) {
    passed++;
  } else {
    failed++;
    console.log('FAIL ' + name + (detail ? ': ' + detail : ''));
  }
}

// The public functions as gcc sees them: -aux-info writes a prototype for
// every function the translation unit declares, with the file it is in.
function publicFunctions() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'memview-report-'));
  const source = path.join(tmp, 'all.c');
  const aux = path.join(tmp, 'aux.txt');
  const include = path.join(ROOT, 'include');
  fs.writeFileSync(source, '#include <memview.h>\n#include <memview_sim.h>\n');
  execFileSync('gcc', ['-std=c11', '-I' + include, '-fsyntax-only', '-aux-info', aux, source]);
  const names = new Set();
  for (const line of fs.readFileSync(aux, 'utf8').split('\n')) {
    const m = /^\/\* (\S+):\d+:\w+ \*\/ [^(]*?\b(\w+) \(/.exec(line);
    if (m && path.resolve(m[1]).startsWith(include + path.sep) && !m[2].startsWith('mv__')) {
      names.add(m[2]);
    }
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  return names;
}

// The text of a file, or "" when it is missing (the check using it fails).
function readOr(file) {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
}

// "proved/total" of the TOTAL line of make prove's summary.
function proofTotal() {
  const m = /^TOTAL\s+(\d+)\/(\d+)/m.exec(readOr(path.join(ROOT, 'build/wp/proof-summary.txt')));
  return m && { proved: Number(m[1]), total: Number(m[2]) };
}

// "hit of found" of one kind in lcov's summary of make coverage.
function coverageTotal(kind) {
  const m = new RegExp('^ *' + kind + '\\.*: .*\\((\\d+) of (\\d+) ', 'm').exec(
    readOr(path.join(ROOT, 'build/coverage/summary.txt')));
  return m && { hit: Number(m[1]), found: Number(m[2]) };
}

const rowsOf = (page) => page.$$eval('#functions tbody tr', (rows) => rows.map((r) => r.dataset.fn));

// The sort keys of one column, in the rows' current order.
function columnKeys(page, col) {
  return page.$$eval('#functions tbody tr', (rows, c) => rows.map((r) => {
    const cell = r.cells[c];
    return cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent;
  }), col);
}

function isSorted(keys, numeric, descending) {
  const values = keys.map((k) => (numeric ? parseFloat(k) : k.toLowerCase()));
  for (let i = 1; i < values.length; i++) {
    const ordered = descending ? values[i - 1] >= values[i] : values[i - 1] <= values[i];
    if (!ordered) return false;
  }
  return true;
}

async function checkSorting(page, title) {
  const col = await page.$$eval('#functions thead th',
    (ths, t) => ths.findIndex((th) => th.textContent.trim() === t), title);
  check('column "' + title + '" exists', col >= 0);
  if (col < 0) return;
  const header = '#functions thead th:nth-child(' + (col + 1) + ')';
  const numeric = await page.$eval(header, (th) => th.dataset.type === 'num');
  const before = await rowsOf(page);
  await page.click(header + ' button');
  const after = await rowsOf(page);
  const keys = await columnKeys(page, col);
  check('sorting by "' + title + '" changes the order', before.join() !== after.join());
  check('sorting by "' + title + '" keeps every row', [...before].sort().join() === [...after].sort().join());
  check('rows sorted ascending by "' + title + '"', isSorted(keys, numeric, false),
    keys.slice(0, 8).join(' '));
  await page.click(header + ' button');
  const again = await columnKeys(page, col);
  check('second click sorts "' + title + '" descending', isSorted(again, numeric, true),
    again.slice(0, 8).join(' '));
}

// Visible and hidden rows, each with its text.
const rowStates = (page) => page.$$eval('#functions tbody tr', (rows) =>
  rows.map((r) => ({
    fn: r.dataset.fn,
    hidden: r.hidden || r.offsetParent === null,
    text: r.textContent.toLowerCase(),
  })));

async function setFilter(page, text) {
  await page.$eval('#filter', (input) => {
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  if (text) await page.type('#filter', text);
  return rowStates(page);
}

async function checkFilter(page, names) {
  const query = 'mv_buf_';
  const states = await setFilter(page, query);
  const shown = states.filter((s) => !s.hidden);
  const named = [...names].filter((n) => n.includes(query));
  check('filter keeps only rows holding "' + query + '"', shown.every((s) => s.text.includes(query)));
  check('filter hides every row without "' + query + '"',
    states.every((s) => !s.hidden || !s.text.includes(query)));
  check('filter keeps every function named *' + query + '* (' + named.length + ')',
    named.every((n) => shown.some((s) => s.fn === n)), shown.length + ' shown');
  check('filter hides some rows', shown.length < states.length);
  const counter = await page.$eval('#shown', (e) => e.textContent);
  check('filter counter says what is shown',
    counter.startsWith(shown.length + ' of ' + states.length), counter);
  const none = await setFilter(page, 'no-such-text-anywhere');
  check('a filter matching nothing hides every row', none.every((s) => s.hidden));
  const all = await setFilter(page, '');
  check('an empty filter shows every row', all.every((s) => !s.hidden));
}

async function checkTotals(page) {
  const goals = await page.$eval('#total-goals',
    (e) => ({ proved: Number(e.dataset.proved), total: Number(e.dataset.total) }));
  const proof = proofTotal();
  check('goal totals equal build/wp/proof-summary.txt',
    proof && goals.proved === proof.proved && goals.total === proof.total,
    JSON.stringify(goals) + ' vs ' + JSON.stringify(proof));
  const kinds = [['total-lines', 'lines'], ['total-branches', 'branches'], ['total-functions', 'functions']];
  for (const [id, kind] of kinds) {
    const shown = await page.$eval('#' + id,
      (e) => ({ hit: Number(e.dataset.hit), found: Number(e.dataset.found) }));
    const lcov = coverageTotal(kind);
    check(kind + ' totals equal lcov --summary', lcov && shown.hit === lcov.hit && shown.found === lcov.found,
      JSON.stringify(shown) + ' vs ' + JSON.stringify(lcov));
  }
  const link = await page.$eval('#lcov-link', (a) => a.href);
  check('the lcov link leads to a file',
    link.startsWith('file:') && fs.existsSync(fileURLToPath(link)), link);
  const relative = await page.$eval('#lcov-link', (a) => a.getAttribute('href'));
  check('the lcov link is relative', !relative.includes(':') && !relative.startsWith('/'), relative);
}

async function main(pagePath, screenshot) {
  const names = publicFunctions();
  check('the headers declare public functions', names.size > 0);
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: (process.getuid && process.getuid() === 0 ? ['--no-sandbox'] : []).concat(['--disable-gpu']),
  });
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push('console: ' + m.text()); });
    page.on('pageerror', (e) => problems.push('page error: ' + e.message));
    page.on('requestfailed', (r) => problems.push('request failed: ' + r.url()));
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(pathToFileURL(path.resolve(pagePath)).href, { waitUntil: 'load' });
    await page.waitForFunction(() => document.getElementById('shown').textContent.length > 0,
      { timeout: 10000 });

    const rows = await rowsOf(page);
    check('one row per public function (' + names.size + ' from gcc)', rows.length === names.size,
      rows.length + ' rows');
    check('no function has two rows', new Set(rows).size === rows.length);
    const missing = [...names].filter((n) => !rows.includes(n));
    const extra = rows.filter((n) => !names.has(n));
    check('every public function has its row', missing.length === 0, missing.join(' '));
    check('every row is a public function', extra.length === 0, extra.join(' '));

    await checkTotals(page);
    await page.screenshot({ path: screenshot });
    check('screenshot written', fs.statSync(screenshot).size > 10000);
    await checkSorting(page, 'Goals');
    await checkSorting(page, 'Function');
    await checkFilter(page, names);
    check('no console error, page error or failed request', problems.length === 0, problems.join('; '));
  } finally {
    await browser.close();
  }
}

const [pagePath, screenshot] = process.argv.slice(2);
if (!pagePath || !screenshot) {
  console.error('usage: check_report.js PAGE SCREENSHOT');
  process.exit(2);
}
const watchdog = setTimeout(() => {
  console.log('FAIL timed out after ' + TIMEOUT_MS / 1000 + ' s');
  console.log(passed + ' passed, ' + (failed + 1) + ' failed');
  process.exit(1);
}, TIMEOUT_MS);
main(pagePath, screenshot)
  .catch((e) => check('the page could be checked', false, e.stack || String(e)))
  .finally(() => {
    clearTimeout(watchdog);
    console.log(passed + ' passed, ' + failed + ' failed');
    process.exit(failed === 0 ? 0 : 1);
  });
