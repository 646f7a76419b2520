import { readFileSync } from 'node:fs';
import { createMatcher } from '../src/core/match/scan';
import { NameScanner } from '../src/core/match/names';
import { ClaimScorer } from '../src/core/match/claims';
import { QuoteMatcher, quoteBigrams } from '../src/core/match/quotes';
import { classifyingTable } from '../src/core/match/classify';
import { loadWordVectorsBinary } from '../src/core/lang/vectors';
import type { MatcherData } from '../src/core/match/data';
const text = readFileSync('/tmp/coldstart/matcher-5000.json', 'utf8');
const vectors = loadWordVectorsBinary(new Uint8Array(readFileSync('src/generated/word-vectors.bin')));
function cpu<T>(label: string, f: () => T): T { const c0 = process.cpuUsage(); const v = f(); const d = process.cpuUsage(c0); console.log(label.padEnd(16), ((d.user + d.system) / 1000).toFixed(1)); return v; }
for (let r = 0; r < 3; r++) {
  const data = cpu('parse', () => JSON.parse(text) as MatcherData);
  const qb = quoteBigrams(data.quotes, data.words.length + 1);
  cpu('names', () => new NameScanner(data));
  cpu('claims', () => new ClaimScorer(data, { vectors }));
  cpu('quotes', () => new QuoteMatcher(data, qb));
  cpu('table', () => classifyingTable(data.words, data.keys));
  cpu('createMatcher', () => createMatcher(data, { vectors, quoteBigrams: qb }));
}
