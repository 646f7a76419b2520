/**
 * Hostile corpora, around the corpus CLI's own bad-files test (tests/unit/analysis/corpus-cli.test.ts
 * covers an empty file, NUL bytes, Latin-1, a bad sources.json entry, ok.txt beside ok.TXT and one
 * long sentence): markup and script indexed as plain text, a 50 MB file, more ways of not being
 * UTF-8, what "duplicate" can mean (ids equal up to case or Unicode normalisation, one text under
 * two names), pathological 10,000-character sentences. Each bad file gets a problem naming it; every
 * other file is still indexed. How long they take is measured by the bench, not asserted here.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILD_NODE_FLAGS } from '../../scripts/lib/build-heap';
import { MAX_FILE_BYTES, readCorpus } from '../../scripts/lib/read-corpus';
import { analyseCorpus } from '../../src/core/analysis';
import type { CorpusIndex } from '../../src/core/index/types';
import { validateIndex } from '../../src/core/index/validate';
import { compileMatcher, createMatcher } from '../../src/core/match';
import { runScript } from './run-script';

const ROOT = resolve(import.meta.dirname, '..', '..');
const HOSTILE = resolve(ROOT, 'tests/fixtures/corpora/hostile');
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cl-hostile-corpus-'));
  dirs.push(dir);
  return dir;
}

/** The hostile fixture corpus copied into a fresh directory, plus extra files. */
function corpusWith(extra: Record<string, string | Uint8Array> = {}): string {
  const dir = tempDir();
  for (const f of ['h1.txt', 'h2.txt', 'sources.json']) copyFileSync(join(HOSTILE, f), join(dir, f));
  for (const [name, body] of Object.entries(extra)) writeFileSync(join(dir, name), body);
  return dir;
}

function build(dir: string): { index: CorpusIndex; problems: { file: string; reason: string }[] } {
  const { articles, problems } = readCorpus(dir);
  return { index: validateIndex(JSON.parse(JSON.stringify(analyseCorpus(articles)))), problems };
}

/**
 * How long a test that runs the CLI may take: tsx starts a Node, compiles the script and
 * builds the index, 3 s of CPU that took 10-16 s of wall time on a loaded 2-core machine, past
 * vitest's 5 s default. The same bound as the child's own timeout; not a timing assertion.
 */
const CLI_TEST_TIMEOUT_MS = 60_000;

function runCli(dir: string) {
  const out = join(dir, 'out', 'index.json');
  const r = runScript('scripts/corpus.ts', ['--in', dir, '--out', out], { timeout: CLI_TEST_TIMEOUT_MS, flags: BUILD_NODE_FLAGS });
  return { ...r, index: () => validateIndex(JSON.parse(readFileSync(out, 'utf8'))) };
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('a corpus carrying HTML and script', () => {
  it('is indexed as plain text: payloads in headlines, quotes and metadata survive verbatim, nothing is stripped or escaped', () => {
    const { index, problems } = build(HOSTILE);
    expect(problems).toEqual([]);
    expect(index.articles.map((a) => a.id)).toEqual(['h1', 'h2']);
    const h1 = index.articles.find((a) => a.id === 'h1')!;
    expect(h1.headline).toBe('Dockers <img src=x onerror=alert(1)> vote to strike as port talks collapse');
    expect(h1.outlet).toBe('Harbour <img src=x onerror=alert(6)> Gazette');
    expect(index.articles.find((a) => a.id === 'h2')!.outlet).toBe('Northern "Ledger" <script>alert(8)</script>');
    // The article text is kept byte for byte, markup included.
    expect(h1.text).toContain('"<script>alert(1)</script> We will not stand by');
    expect(h1.text).toContain('<iframe src=javascript:alert(3)></iframe>');
    const quotes = index.quotes.map((q) => q.text);
    expect(quotes.some((q) => q.startsWith('<script>alert(1)</script> We will not stand by'))).toBe(true);
    expect(quotes.some((q) => q.includes('<iframe src=javascript:alert(3)></iframe>'))).toBe(true);
    // The same words reported by both outlets are still grouped across them, markup and all.
    const both = index.quoteGroups.find((g) => new Set(g.members.map((m) => index.quotes.find((q) => q.id === m.quote)?.article)).size === 2);
    expect(both).toBeDefined();
    // People and organisations are still found around the markup.
    expect(index.entities.map((e) => e.name)).toEqual(expect.arrayContaining(['Daniel Okonedo', 'Marta Okonedo', 'Corran Port Authority']));
    // Markup never becomes part of a name.
    for (const e of index.entities) expect(e.name).not.toMatch(/[<>]/);
  });

  it('goes through the corpus CLI unchanged (exit 0, payloads in the written JSON as text)', () => {
    const r = runCli(corpusWith());
    expect(r.stderr.split('\n').filter((l) => l.startsWith('corpus:'))).toEqual([]);
    expect(r.status).toBe(0);
    const index = r.index();
    expect(index.articles.find((a) => a.id === 'h1')!.headline).toContain('<img src=x onerror=alert(1)>');
  }, CLI_TEST_TIMEOUT_MS);
});

describe('files that are not articles', () => {
  // How long these take is the bench's business, not a unit test's: here only what is kept and said.
  it('rejects a 50 MB file by its size, naming it, and indexes the rest (CLI)', () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 'Marta Okonedo said the port would reopen. ');
    const dir = corpusWith({ 'huge.txt': big });
    const r = runCli(dir);
    expect(r.status).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('corpus:'));
    expect(lines).toEqual([`corpus: ${join(dir, 'huge.txt')}: file too large (${big.length} bytes; the limit is ${MAX_FILE_BYTES})`]);
    expect(r.index().articles.map((a) => a.id)).toEqual(['h1', 'h2']);
  }, CLI_TEST_TIMEOUT_MS);

  it('rejects a file just over the limit in-process without reading it into the index', () => {
    const dir = corpusWith({ 'over.txt': Buffer.alloc(MAX_FILE_BYTES + 1, 'a') });
    const { index, problems } = build(dir);
    expect(problems).toEqual([{ file: join(dir, 'over.txt'), reason: `file too large (${MAX_FILE_BYTES + 1} bytes; the limit is ${MAX_FILE_BYTES})` }]);
    expect(index.articles.map((a) => a.id)).toEqual(['h1', 'h2']);
  });

  it.each([
    ['utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Headline\n\nMarta Okonedo said so.\n', 'utf16le')]), /binary file|not valid UTF-8/],
    ['surrogate.txt', Buffer.from([0x48, 0x69, 0x0a, 0x0a, 0xed, 0xa0, 0x80, 0x0a]), /not valid UTF-8/], // an encoded lone surrogate (CESU-8)
    ['overlong.txt', Buffer.from([0x48, 0x69, 0x0a, 0x0a, 0xc0, 0xaf, 0x0a]), /not valid UTF-8/], // an overlong "/"
    ['truncated.txt', Buffer.from([0x48, 0x69, 0x0a, 0x0a, 0x41, 0xe2, 0x82]), /not valid UTF-8/], // a cut-off "€"
    ['cp1252.txt', Buffer.from([0x48, 0x69, 0x0a, 0x0a, 0x93, 0x57, 0x65, 0x94, 0x0a]), /not valid UTF-8/], // Windows smart quotes
    ['whitespace.txt', Buffer.from(' \n\t\r\n \u3000'), /empty file/],
  ])('rejects %s with a clear reason naming it, and keeps every other article', (name, bytes, reason) => {
    const dir = corpusWith({ [name]: bytes });
    const { index, problems } = build(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0].file).toBe(join(dir, name));
    expect(problems[0].reason).toMatch(reason);
    expect(index.articles.map((a) => a.id)).toEqual(['h1', 'h2']);
  });

  it('accepts a UTF-8 file with a byte-order mark and drops the mark', () => {
    const dir = corpusWith({ 'bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Port reopens\n\nMarta Okonedo said the port would reopen on Friday.\n')]) });
    const { index, problems } = build(dir);
    expect(problems).toEqual([]);
    const bom = index.articles.find((a) => a.id === 'bom')!;
    expect(bom.text.startsWith('Port reopens')).toBe(true);
    expect(bom.headline).toBe('Port reopens');
  });

  it('handles control characters and terminal escapes inside an article as text', () => {
    const dir = corpusWith({ 'escapes.txt': 'Port \u001b[31mreopens\u0007\n\nMarta Okonedo said \u0000-free text \u001b]0;owned\u0007 is still text.\n'.replace('\u0000', '') });
    const { index, problems } = build(dir);
    expect(problems).toEqual([]);
    expect(index.articles.find((a) => a.id === 'escapes')!.text).toContain('\u001b[31m');
  });
});

describe('duplicate articles', () => {
  it('rejects an id equal to another up to letter case (a.txt and A.txt collide on case-insensitive file systems)', () => {
    const dir = corpusWith({ 'dock.txt': 'Dock one\n\nDaniel Okonedo said the strike would go on.\n', 'DOCK.txt': 'Dock two\n\nMarta Okonedo said the offer was final.\n' });
    const { index, problems } = build(dir);
    expect(problems).toEqual([{ file: join(dir, 'dock.txt'), reason: 'duplicate article id "dock" (DOCK.txt has the same name up to letter case or Unicode normalisation)' }]);
    expect(index.articles.map((a) => a.id)).toEqual(['DOCK', 'h1', 'h2']);
  });

  it('rejects an id equal to another up to Unicode normalisation (NFC and NFD spellings of one name)', () => {
    const nfc = 'caf\u00e9';
    const nfd = 'cafe\u0301';
    const dir = corpusWith({ [`${nfc}.txt`]: 'Cafe one\n\nMarta Okonedo spoke at the cafe.\n', [`${nfd}.txt`]: 'Cafe two\n\nDaniel Okonedo spoke at the cafe.\n' });
    const { index, problems } = build(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0].reason).toMatch(/^duplicate article id "caf/);
    expect(index.articles.filter((a) => a.id.normalize('NFC') === nfc)).toHaveLength(1);
    expect(index.articles.map((a) => a.id)).toEqual(expect.arrayContaining(['h1', 'h2']));
  });

  it('indexes one text under two names once, so its coverage is not counted twice', () => {
    const text = readFileSync(join(HOSTILE, 'h2.txt'), 'utf8');
    const dir = corpusWith({ 'z-copy.txt': text });
    const { index, problems } = build(dir);
    expect(problems).toEqual([{ file: join(dir, 'z-copy.txt'), reason: 'same text as h2.txt (an article is indexed once)' }]);
    expect(index.articles.map((a) => a.id)).toEqual(['h1', 'h2']);
    const daniel = index.entities.find((e) => e.name === 'Daniel Okonedo')!;
    expect(daniel.coverage.map((c) => c.article).sort()).toEqual(['h1', 'h2']);
  });

  it('keeps the last of two sources.json entries for one id (JSON object keys), and the article itself once', () => {
    const dir = corpusWith();
    writeFileSync(
      join(dir, 'sources.json'),
      '{ "h1": { "outlet": "First Outlet" }, "h1": { "outlet": "Second Outlet" }, "h2": { "outlet": "Other" } }',
    );
    const { index, problems } = build(dir);
    expect(problems).toEqual([]);
    expect(index.articles.filter((a) => a.id === 'h1').map((a) => a.outlet)).toEqual(['Second Outlet']);
  });
});

describe('hostile metadata and file names', () => {
  it.each([
    ['javascript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['not a url'],
  ])('rejects the url %j naming the sources.json entry, and still indexes the article', (url) => {
    const dir = corpusWith();
    writeFileSync(join(dir, 'sources.json'), JSON.stringify({ h1: { outlet: 'Some Outlet', url } }));
    const { index, problems } = build(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0].file).toBe(`${join(dir, 'sources.json')} entry "h1"`);
    expect(problems[0].reason).toContain('field "url" must be an http(s) address or "unknown"');
    // only the url is lost: the entry's other fields stand
    expect(index.articles.map((a) => [a.id, a.outlet, a.url])).toEqual([
      ['h1', 'Some Outlet', 'unknown'],
      ['h2', 'unknown', 'unknown'],
    ]);
  });

  it('keeps an http(s) url', () => {
    const dir = corpusWith();
    writeFileSync(join(dir, 'sources.json'), JSON.stringify({ h1: { url: 'https://news.example/a?b=1' } }));
    const { index, problems } = build(dir);
    expect(problems).toEqual([]);
    expect(index.articles.find((a) => a.id === 'h1')!.url).toBe('https://news.example/a?b=1');
  });

  it('prints one line per rejected file even when its name holds a newline or a terminal escape', () => {
    const dir = corpusWith({ 'evil\nbuild-index: all good\u001b[2K.txt': new Uint8Array([0, 1, 2]) });
    const r = runCli(dir);
    expect(r.status).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('corpus:'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('evil\\u000abuild-index: all good\\u001b[2K.txt');
    expect(lines[0]).toContain('binary file');
    expect(r.stderr).not.toContain('\u001b');
    expect(r.index().articles.map((a) => a.id)).toEqual(['h1', 'h2']);
  }, CLI_TEST_TIMEOUT_MS);
});

describe('pathological 10,000-character sentences', () => {
  const N = 10_000;
  const fill = (unit: string) => unit.repeat(Math.ceil(N / unit.length)).slice(0, N);
  const good = { id: 'good', text: readFileSync(join(HOSTILE, 'h1.txt'), 'utf8') };
  const variants: [string, string][] = [
    ['one 10,000-character word', fill('x')],
    ['10,000 characters of capitalised words', fill('Ada Quint Berg Moss Harbour Union ')],
    ['10,000 characters of mixed quotation marks', fill('"\u201c\'\u2018 \u00ab')],
    ['a quotation opened and never closed', '"' + fill('we will not stand by while the port cuts our wages ')],
    ['10,000 characters of figures', fill('1,200 dockers and 3.5 million pounds and 45% of ')],
    ['a name every few words', fill('Marta Okonedo said that Daniel Okonedo and ')],
    ['10,000 characters of punctuation', fill('.,;:!?-')],
    ['abbreviations and dashes', fill('Mr. Okonedo \u2014 of the H.W.U. \u2014 said ')],
    ['possessives', fill("Okonedo's union's port's ")],
  ];

  it.each(variants)('%s: analysed, compiled and scanned, losing nothing else', (_name, sentence) => {
    const index = analyseCorpus([good, { id: 'long', text: `A long one\n\n${sentence}.\n` }]);
    validateIndex(JSON.parse(JSON.stringify(index)));
    const matcher = createMatcher(compileMatcher(index));
    const found = matcher.scan(sentence);
    for (const m of found) expect(m.text).toBe(sentence.slice(m.start, m.end));
    // The good article is analysed as it would be on its own.
    expect(index.articles.map((a) => a.id)).toEqual(['good', 'long']);
    expect(index.entities.map((e) => e.name)).toEqual(expect.arrayContaining(['Daniel Okonedo', 'Marta Okonedo', 'Corran Port Authority']));
    expect(index.quotes.filter((q) => q.article === 'good').length).toBeGreaterThanOrEqual(2);
    // A long capitalised run is not a name: no entity grows out of it.
    for (const e of index.entities) expect(e.name.split(/\s+/).length, e.name.slice(0, 80)).toBeLessThanOrEqual(12);
  });
});
