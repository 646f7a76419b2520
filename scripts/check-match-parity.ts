/**
 * Proves a change to the matcher's speed changed none of its output: writes every output of the
 * matcher on fixed inputs to a file, then compares a later run against it byte for byte.
 *
 *   npx tsx scripts/check-match-parity.ts --write /tmp/before.json    (on the old code)
 *   npx tsx scripts/check-match-parity.ts --compare /tmp/before.json  (on the new code; exit 1 on a difference)
 *
 * The inputs: `lookup` (what the page marks, with its evidence) of every seed and of the dev split's
 * sentences against the bundled index; the raw matches of every seed block (all kinds, with and
 * without a page date); the re-ranker's feature rows of every candidate (through the fitting probe);
 * and the raw matches of a generated 20,000-word page against generated corpora of 500 and 5,000
 * articles, with their `lookup`. Set MATCH_CORPUS_DIR (scripts/bench/match-fixtures.ts) to pin the
 * generated corpora while src/core changes.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generatedMatcherData, pageBlocks, shippedVectors } from './bench/match-fixtures';
import { lookup, splitBlocks } from './lib/lookup';
import { cachedCorpusFile } from './bench/corpus-cache';
import type { CorpusIndex } from '../src/core/index/types';
import { createMatcher } from '../src/core/match/scan';
import { parseCorpusFile } from '../src/store/corpus-file';

const ROOT = resolve(import.meta.dirname, '..');
const [mode, file] = process.argv.slice(2);
if ((mode !== '--write' && mode !== '--compare') || !file) {
  console.error('usage: check-match-parity.ts --write FILE | --compare FILE');
  process.exit(1);
}
const ALL = { kinds: { person: true, organisation: true, quote: true, claim: true } };
const out: Record<string, unknown> = {};
const t0 = performance.now();

// Bundled corpus: lookup and raw matches.
const index = JSON.parse(readFileSync(resolve(ROOT, 'src/generated/index.json'), 'utf8')) as CorpusIndex;
const seeds = readdirSync(resolve(ROOT, 'seeds'))
  .filter((f) => f.endsWith('.txt'))
  .sort();
const dev = (JSON.parse(readFileSync(resolve(ROOT, 'tests/fixtures/devset/devset.json'), 'utf8')) as { items: { text: string }[] }).items.map((i) => i.text);
const seedMatcher = createMatcher(JSON.parse(readFileSync(resolve(ROOT, 'src/generated/matcher.json'), 'utf8')), { vectors: shippedVectors() });
const probe = createHash('sha256');
let probed = 0;
for (const f of seeds) {
  const text = readFileSync(resolve(ROOT, 'seeds', f), 'utf8');
  out[`lookup seeds/${f}`] = lookup(text, index);
  out[`lookup seeds/${f} dated`] = lookup(text, index, undefined, '2017-06-10');
  out[`scan seeds/${f}`] = splitBlocks(text).map((b) => seedMatcher.scan(b.text, ALL));
  out[`scan seeds/${f} dated`] = splitBlocks(text).map((b) => seedMatcher.scan(b.text, { ...ALL, pageDate: '2017-06-10' }));
  for (const b of splitBlocks(text))
    seedMatcher.scan(b.text, {
      ...ALL,
      claimProbe: (claim, features, sentence) => {
        probed++;
        probe.update(`${claim} ${sentence} ${Array.from(features).join(',')}\n`);
      },
    });
}
out['lookup devset'] = dev.map((t) => lookup(t, index));
out['scan devset'] = dev.map((t) => seedMatcher.scan(t, ALL));
for (const t of dev)
  seedMatcher.scan(t, {
    ...ALL,
    claimProbe: (claim, features, sentence) => {
      probed++;
      probe.update(`${claim} ${sentence} ${Array.from(features).join(',')}\n`);
    },
  });

// Generated corpora: a generated page's blocks, raw and through lookup.
const blocks = pageBlocks(20_000, 7);
for (const articles of [500, 5000]) {
  const data = await generatedMatcherData(articles);
  const m = createMatcher(data, { vectors: shippedVectors() });
  out[`scan page against ${articles}`] = blocks.map((b) => m.scan(b, ALL));
  for (const b of blocks.slice(0, 60))
    m.scan(b, {
      ...ALL,
      claimProbe: (claim, features, sentence) => {
        probed++;
        probe.update(`${articles} ${claim} ${sentence} ${Array.from(features).join(',')}\n`);
      },
    });
  const dir = process.env.MATCH_CORPUS_DIR;
  const path = dir ? resolve(dir, `corpus-${articles}.json`) : (await cachedCorpusFile(articles, console.error)).path;
  const genIndex = parseCorpusFile(readFileSync(path, 'utf8'), path);
  out[`lookup page against ${articles}`] = lookup(blocks.slice(0, 120).join('\n\n'), genIndex);
}
out['probe rows'] = { count: probed, sha256: probe.digest('hex') };

const text = JSON.stringify(out);
const counts = Object.entries(out).map(([k, v]) => `${k}: ${createHash('sha256').update(JSON.stringify(v)).digest('hex').slice(0, 10)}`);
if (mode === '--write') {
  writeFileSync(file, text);
  console.log(`wrote ${file} (${(text.length / 1e6).toFixed(1)} MB, ${Object.keys(out).length} sections, ${probed} probe rows) in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
} else {
  const before = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  let differ = 0;
  for (const key of new Set([...Object.keys(before), ...Object.keys(out)])) {
    const a = JSON.stringify(before[key]);
    const b = JSON.stringify(out[key]);
    if (a === b) continue;
    differ++;
    let at = 0;
    while (at < Math.min(a?.length ?? 0, b?.length ?? 0) && a[at] === b[at]) at++;
    console.log(`DIFFERS: ${key} at character ${at}:\n  before …${a?.slice(Math.max(0, at - 200), at + 200)}\n  after  …${b?.slice(Math.max(0, at - 200), at + 200)}`);
  }
  console.log(differ === 0 ? `identical: ${Object.keys(out).length} sections, ${(text.length / 1e6).toFixed(1)} MB, ${probed} probe rows (${((performance.now() - t0) / 1000).toFixed(0)} s)` : `${differ} sections differ`);
  if (differ === 0) console.log(counts.join('\n'));
  process.exit(differ === 0 ? 0 : 1);
}
