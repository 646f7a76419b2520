/**
 * `tsx scripts/pack-vectors.ts` (part of `npm run build:index`): writes the committed word vectors
 * (src/core/lang/data/word-vectors.json), with their word senses (word-senses.json), in the binary form the matching side loads
 * (src/generated/word-vectors.bin: no JSON parse or base64 at a cold start; see core/lang/vectors).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { encodeWordVectorsBinary, loadWordVectorsBinary, type WordVectorsData } from '../src/core/lang/vectors';
import { VECTORS_FILE, wordSensesData } from './lib/word-vectors';

const OUT = resolve(import.meta.dirname, '../src/generated/word-vectors.bin');

const t0 = performance.now();
const bytes = encodeWordVectorsBinary(JSON.parse(readFileSync(VECTORS_FILE, 'utf8')) as WordVectorsData, wordSensesData());
// Read back before writing: a table the loader rejects must fail the build, not the extension.
const table = loadWordVectorsBinary(bytes);
mkdirSync(resolve(OUT, '..'), { recursive: true });
writeFileSync(OUT, bytes);
process.stdout.write(`pack-vectors: ${table.size} words × ${table.dimensions}${table.senses ? ' with senses' : ''} → ${bytes.length} bytes (${Math.round(performance.now() - t0)} ms)\n`);
