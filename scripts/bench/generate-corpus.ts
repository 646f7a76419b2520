/**
 * Generates a corpus of N news articles from the seeds, for the index-build scaling benchmark.
 *
 * Articles come in "stories" of five: each story gives the seeds' people new invented names (first
 * and last names, consistently across its articles), changes the figures and swaps about half of the
 * seeds' common nouns for other nouns of the seeds, so that entities, claims and quotes multiply
 * with N rather than repeat word for word across thousands of articles (which no real corpus does). Within a story, articles recombine the seeds' prose
 * (each keeps the furniture lines and most paragraphs of one seed, with sentences borrowed from the
 * others) and now and then state a figure differently, as outlets do. Deterministic for a seed.
 *
 * The people to rename and the nouns to swap are found in the seeds with compromise (a generic
 * tagger), so nothing here names anyone or anything from the corpus.
 */
import nlp from 'compromise';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { inventedNames } from './names';
import { createRng, type Rng } from './rng';
import { SEEDS_DIR, countWords, splitSentences } from './seed-text';

/** One generated article, in the shape `analyseCorpus` takes. */
export interface CorpusArticle {
  id: string;
  text: string;
  meta: { outlet: string; headline: string; date: string; url: string };
}

/** A person found in the seeds: first and last name. */
export interface SeedPerson {
  first: string;
  last: string;
}

interface SeedFile {
  id: string;
  lines: string[];
}

const OUTLETS = ['The Northern Ledger', 'Morning Courier', 'Evening Dispatch', 'The Civic Review', 'Daily Beacon',
  'The Western Gazette', 'Weekly Chronicle', 'The Harbour Post', 'Metro Observer', 'The County Standard',
  'National Bulletin', 'The Borough Times'];
const STORY_SIZE = 5;
const MIN_PROSE_WORDS = 8;
const MONTH = /^\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b/;

function readSeedFiles(dir: string): SeedFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ id: f.replace(/\.txt$/, ''), lines: readFileSync(join(dir, f), 'utf8').split(/\r?\n/) }));
}

/** People in the seeds with a first and a last name, found by compromise's people(). */
export function findSeedPeople(texts: string[]): SeedPerson[] {
  const byLast = new Map<string, SeedPerson>();
  for (const text of texts) {
    for (const p of nlp(text).people().json() as { terms: { text: string; tags: string[] }[] }[]) {
      // From the first given name on: compromise does not always tag a title as Honorific
      // ("Senator" came back as a plain noun), and a person left unrenamed would be the same
      // speaker in every story of the corpus, which no real corpus has thousands of articles of.
      const first = p.terms.findIndex((t) => t.tags.includes('FirstName'));
      if (first < 0) continue;
      const terms = p.terms.slice(first).filter((t) => !t.tags.includes('Honorific'));
      if (terms.length < 2 || terms.some((t) => !/^[A-Z][\p{L}'’-]*$/u.test(t.text))) continue;
      const clean = (s: string): string => s.replace(/['’]s?$/, '');
      const person = { first: clean(terms[0].text), last: clean(terms[terms.length - 1].text) };
      if (!byLast.has(person.last)) byLast.set(person.last, person);
    }
  }
  return [...byLast.values()].sort((a, b) => a.last.localeCompare(b.last));
}

const SYLLABLES = ['ba', 'dre', 'ko', 'lum', 'mer', 'nis', 'po', 'quo', 'ran', 'sel', 'tav', 'vi', 'wen', 'zor', 'gal', 'fe', 'hin', 'jus', 'cor', 'mip'];
const QUOTE_STOPWORDS = new Set(['that', 'this', 'with', 'have', 'from', 'they', 'what', 'will', 'were', 'been', 'their', 'there', 'which', 'would', 'about', 'when', 'where', 'because', 'into', 'than', 'them', 'then', 'only', 'some', 'such', 'just', 'also', 'even', 'very', 'more', 'most', 'other', 'every', 'before', 'after', 'being', 'does', 'doing']);

/**
 * A story's quotes: most content words inside quote marks become story-specific invented words
 * (consistently within the story), so a quote is reported alike by the story's outlets but no two
 * stories share one, as in a real corpus. (Swapping nouns alone leaves quotes of different stories
 * ~70% alike, and a corpus of thousands of near-identical quotes is no real corpus.)
 */
function quoteRewriter(rng: Rng): (text: string) => string {
  const words = new Map<string, string>();
  // Decided once per word and story: the story's outlets then quote the same words alike.
  const invent = (w: string): string => {
    let out = words.get(w);
    if (out === undefined) {
      out = '';
      if (rng.chance(0.15)) out = w;
      else for (let i = rng.int(2, 3); i > 0; i--) out += rng.pick(SYLLABLES);
      words.set(w, out);
    }
    return out;
  };
  const rewriteQuoted = (quoted: string): string => quoted.replace(/\b[a-z]{4,}\b/g, (w) => (QUOTE_STOPWORDS.has(w) ? w : invent(w)));
  // From an opening mark to the next closing one, or to the end of the line (a quote that runs on).
  return (line) => line.replace(/(["“])([^"”]*)(["”]|$)/g, (_m, open: string, body: string, close: string) => `${open}${rewriteQuoted(body)}${close}`);
}

/** Lower-case common nouns of the seeds (compromise's #Noun, no pronouns or proper nouns). */
export function findSeedNouns(texts: string[]): string[] {
  const nouns = new Set<string>();
  for (const text of texts) {
    for (const m of nlp(text).match('#Noun').json() as { terms: { text: string; tags: string[] }[] }[]) {
      for (const t of m.terms) {
        if (/^[a-z]{3,}$/.test(t.text) && !t.tags.includes('Pronoun') && !t.tags.includes('ProperNoun')) nouns.add(t.text);
      }
    }
  }
  return [...nouns].sort();
}

/** A story's noun swaps: about half of the nouns map to another noun, consistently within the story. */
function nounSwaps(rng: Rng, nouns: string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const n of nouns) if (rng.chance(0.5)) map.set(n, rng.pick(nouns));
  return map;
}

/** A renaming of every seed person (first and last names mapped independently, consistently). */
function castFor(rng: Rng, people: SeedPerson[]): Map<string, string> {
  const { first, last } = inventedNames();
  const map = new Map<string, string>();
  for (const p of people) {
    if (!map.has(p.first)) map.set(p.first, rng.pick(first));
    // Surnames get a two-part invented name when the pool would otherwise repeat too soon.
    map.set(p.last, rng.chance(0.5) ? rng.pick(last) : `${rng.pick(last)}-${rng.pick(last)}`);
  }
  return map;
}

/** Replaces whole words (case-sensitive) by their value in `map`. */
function replacer(map: Map<string, string>): (text: string) => string {
  const keys = [...map.keys()].sort((a, b) => b.length - a.length).map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (keys.length === 0) return (t) => t;
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(${keys.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return (text) => text.replace(re, (m) => map.get(m) ?? m);
}

/** Changes every figure except four-digit years, keeping its format (thousands separators, decimals). */
function figureChanger(storyFactor: number, rng: Rng): (text: string) => string {
  return (text) =>
    text.replace(/(?<![\p{L}\p{N}.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\p{L}\p{N}])/gu, (m, int: string, dec: string | undefined, offset: number) => {
      const plain = Number(int.replace(/,/g, ''));
      if (!dec && /^(19|20)\d\d$/.test(int)) return m;
      // One in five figures differs from the story's consensus, as outlets' numbers do.
      const factor = rng.chance(0.2) ? storyFactor * (0.8 + rng.next() * 0.4) : storyFactor;
      let value = Math.max(1, Math.round(plain * factor));
      if (value === plain) value = plain + 1;
      if (MONTH.test(text.slice(offset + m.length))) value = 1 + (value % 28);
      const digits = int.includes(',') ? value.toLocaleString('en-GB') : String(value);
      return dec ? `${digits}.${(value * 7) % 10}` : digits;
    });
}

/** Options for one generated corpus. */
export interface CorpusOptions {
  articles: number;
  seed?: number;
  seedsDir?: string;
}

/** Generates the corpus. */
export function generateCorpus(options: CorpusOptions): CorpusArticle[] {
  const rng = createRng(options.seed ?? 1);
  const files = readSeedFiles(options.seedsDir ?? SEEDS_DIR);
  const people = findSeedPeople(files.map((f) => f.lines.join('\n')));
  const nouns = findSeedNouns(files.map((f) => f.lines.filter((l) => countWords(l) >= MIN_PROSE_WORDS).join('\n')));
  const allSentences = files.flatMap((f) => f.lines.filter((l) => countWords(l) >= MIN_PROSE_WORDS).flatMap(splitSentences));
  const out: CorpusArticle[] = [];
  let renamePeople: (t: string) => string = (t) => t;
  let rewrite: (t: string) => string = (t) => t;
  for (let k = 0; k < options.articles; k++) {
    if (k % STORY_SIZE === 0) {
      const cast = replacer(castFor(rng, people));
      const swapNouns = replacer(nounSwaps(rng, nouns));
      const figures = figureChanger(0.5 + rng.next() * 1.5, rng);
      const quotes = quoteRewriter(rng);
      renamePeople = cast;
      rewrite = (t) => figures(swapNouns(quotes(cast(t))));
    }
    const base = files[k % files.length];
    const lines: string[] = [];
    let headline = '';
    for (const line of base.lines) {
      if (!headline && countWords(line) >= 5) {
        headline = rewrite(line.trim());
        lines.push(headline);
        continue;
      }
      if (countWords(line) < MIN_PROSE_WORDS) {
        // Furniture and blank lines stay as they are (names aside), so the cleaning step has work to do.
        lines.push(renamePeople(line));
        continue;
      }
      if (rng.chance(0.12)) continue; // this outlet left the paragraph out
      const sentences = splitSentences(line);
      if (rng.chance(0.25)) sentences.push(rng.pick(allSentences)); // …and borrowed a line from another
      lines.push(rewrite(sentences.join(' ')));
    }
    const text = lines.join('\n');
    const id = `gen_${String(k).padStart(5, '0')}`;
    out.push({
      id,
      text,
      meta: {
        outlet: OUTLETS[(k + Math.floor(k / STORY_SIZE)) % OUTLETS.length],
        headline,
        date: `2016-07-${String(1 + (Math.floor(k / STORY_SIZE) % 31)).padStart(2, '0')}`,
        url: `https://news.invalid/${id}`,
      },
    });
  }
  return out;
}
