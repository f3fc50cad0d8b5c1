/**
 * Bench (informational, issue 5 point 4): how well the engine's `profanity` category separates abusive from ordinary
 * text on an outside labelled set, Davidson et al. (2017), "Automated Hate Speech Detection and the Problem of
 * Offensive Language" (24,783 tweets, each labelled hate speech, offensive language or neither by CrowdFlower
 * annotators). The file is not part of the repository: it is read from ../shared/datasets/davidson/labeled_data.csv
 * relative to the repository root (or DAVIDSON_CSV), and the bench says so and stops if it is absent.
 *
 * WARNING: the data set contains offensive text. This script prints figures only, never a tweet.
 *
 * A tweet is predicted positive when the engine returns a `profanity` finding at block or sign-off severity; the
 * "any severity" row also counts advice. Positive label = hate speech or offensive language (class 0 or 1); negative
 * = neither (class 2). US Twitter slang is not what a UK public body's pack is built for, so there is no target here.
 *
 * Run: `npm run bench:profanity` (or `tsx bench/profanity-davidson.bench.ts`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPolicyEngine } from '../src-main/core/policy/engine';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const csvPath = process.env.DAVIDSON_CSV ?? path.resolve(root, '..', 'shared', 'datasets', 'davidson', 'labeled_data.csv');

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const decodeEntities = (s: string) =>
  s
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

if (!fs.existsSync(csvPath)) {
  console.log(`Davidson profanity bench skipped: ${csvPath} not found (set DAVIDSON_CSV to point at labeled_data.csv).`);
  process.exit(0);
}

const table = parseCsv(fs.readFileSync(csvPath, 'utf8'));
const header = table[0] ?? [];
const classCol = header.indexOf('class');
const tweetCol = header.indexOf('tweet');
if (classCol < 0 || tweetCol < 0) {
  console.log('Davidson profanity bench: unexpected header (need "class" and "tweet" columns); stopping.');
  process.exit(1);
}

const engine = createPolicyEngine();
type Tally = { tp: number; fp: number; fn: number; tn: number };
const serious: Tally = { tp: 0, fp: 0, fn: 0, tn: 0 };
const any: Tally = { tp: 0, fp: 0, fn: 0, tn: 0 };
const byClass = [0, 0, 0];
const flaggedByClass = [0, 0, 0];
let skipped = 0;

const add = (t: Tally, label: boolean, predicted: boolean) => {
  if (label && predicted) t.tp++;
  else if (label) t.fn++;
  else if (predicted) t.fp++;
  else t.tn++;
};

const t0 = performance.now();
for (let r = 1; r < table.length; r++) {
  const row = table[r]!;
  const cls = Number(row[classCol]);
  const text = row[tweetCol];
  if (text === undefined || !(cls === 0 || cls === 1 || cls === 2)) {
    skipped++;
    continue;
  }
  const findings = engine.check({ id: `d${r}`, platform: 'x', text: decodeEntities(text) }).findings.filter((f) => f.category === 'profanity');
  const isSerious = findings.some((f) => f.severity === 'block' || f.severity === 'sign-off');
  const label = cls !== 2;
  add(serious, label, isSerious);
  add(any, label, findings.length > 0);
  byClass[cls]!++;
  if (isSerious) flaggedByClass[cls]!++;
}
const ms = performance.now() - t0;

const ratio = (a: number, b: number) => (b === 0 ? '  -  ' : (a / b).toFixed(3));
const line = (name: string, t: Tally) => {
  const p = t.tp / (t.tp + t.fp || 1);
  const rc = t.tp / (t.tp + t.fn || 1);
  const f1 = p + rc === 0 ? 0 : (2 * p * rc) / (p + rc);
  console.log(
    `${name.padEnd(22)} precision ${ratio(t.tp, t.tp + t.fp)}  recall ${ratio(t.tp, t.tp + t.fn)}  F1 ${f1.toFixed(3)}  (TP ${t.tp}, FP ${t.fp}, FN ${t.fn}, TN ${t.tn})`,
  );
};

const total = byClass[0]! + byClass[1]! + byClass[2]!;
console.log(`Davidson et al. 2017: ${total} tweets (hate ${byClass[0]}, offensive ${byClass[1]}, neither ${byClass[2]})${skipped ? `, ${skipped} rows skipped` : ''}; ${ms.toFixed(0)} ms`);
console.log('profanity vs "offensive or hate" (positive) against "neither" (negative):');
line('block or sign-off', serious);
line('any severity', any);
console.log(
  `flagged at block or sign-off, by class: hate ${ratio(flaggedByClass[0]!, byClass[0]!)}, offensive ${ratio(flaggedByClass[1]!, byClass[1]!)}, neither ${ratio(flaggedByClass[2]!, byClass[2]!)}`,
);
