/**
 * The analysis state kept by the store beside a generation (store/analysis-state.ts), as the
 * import worker uses it: an add given the state read back equals the full analysis, byte for byte;
 * a state made by other code, of another schema or layout, cut short or corrupt is ignored (or the
 * articles it cannot give back are extracted again) with the same index; an interrupted install
 * leaves the old corpus and its state; the state read back is the state kept.
 */
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyseCorpus, type AnalysisState, type ArticleInput } from '../../../src/core/analysis/index';
import { analyseIncrement } from '../../../src/core/analysis/incremental';
import { storedState } from '../../../src/core/analysis/stored-state';
import type { StoredTokens } from '../../../src/core/analysis/stored-tokens';
import { SCHEMA_VERSION } from '../../../src/core/index/types';
import { analysisStateRows, readAnalysisState, STATE_ROW_BYTES, usableAnalysisState, type StateFingerprint } from '../../../src/store/analysis-state';
import type { CorpusStore } from '../../../src/store/corpus-store';
import { MANIFEST, generationRange, type RecordManifestRow, type StateRow } from '../../../src/store/db';
import * as sharedRows from '../../../src/store/shared-rows';
import type { KeptRow } from '../../../src/store/shared-rows';
import type { ClaimRecord } from '../../../src/core/index/types';
import { readCorpus, serialiseIndex } from '../../../scripts/lib/read-corpus';
import { generateCorpus } from '../../../scripts/bench/generate-corpus';
import { ROOT } from '../analysis/helpers';
import { cardKeys, failPuts, freshStore } from './helpers';

const open: CorpusStore[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

/** Analysing and installing 30 generated articles several times takes tens of seconds on a loaded 2-core machine. */
const TIMEOUT_MS = 240_000;

const FINGERPRINT: StateFingerprint = { code: '/assets/import-worker-test.js', schemaVersion: SCHEMA_VERSION };

/** The articles of `all` taken from the middle of the id order (they interleave with the rest), and the rest. */
function split(all: ArticleInput[], added: number): { oldOnes: ArticleInput[]; newOnes: ArticleInput[] } {
  const sorted = [...all].sort((a, b) => (a.id < b.id ? -1 : 1));
  const from = Math.floor((sorted.length - added) / 2);
  const newOnes = sorted.slice(from, from + added);
  return { oldOnes: sorted.filter((a) => !newOnes.includes(a)), newOnes };
}

/** A store holding the full analysis of `articles` with its state, as an import through the worker leaves it. */
async function installedWithState(articles: ArticleInput[], code?: string): Promise<{ s: CorpusStore; id: string; state: AnalysisState }> {
  const s = await freshStore();
  open.push(s);
  let state: AnalysisState | undefined;
  const tokens = new Map<string, StoredTokens>();
  const index = analyseCorpus(articles, undefined, tokens, { onState: (x) => (state = x) });
  const { id } = await s.install(index, { name: 'Kept', origin: 'imported', tokens, state: analysisStateRows(state!, FINGERPRINT), ...(code === undefined ? {} : { code }) });
  return { s, id, state: state! };
}

/** What the import worker does to add `added`: the held articles and the usable state read, the analysis, the install with the new state; returns the index made and the state read. */
async function addAsTheWorker(s: CorpusStore, id: string, added: ArticleInput[], fingerprint = FINGERPRINT, code?: string): Promise<{ index: ReturnType<typeof analyseIncrement>; previous: AnalysisState | undefined; why: string[] }> {
  const held = await s.readArticlesWithTokens(id);
  const why: string[] = [];
  const keptRows: KeptRow[] = [];
  const previous = await usableAnalysisState(s.db, held.from[held.from.length - 1], fingerprint, (w) => why.push(w), keptRows);
  let next: AnalysisState | undefined;
  const tokens = new Map<string, StoredTokens>();
  const index = analyseIncrement(held.articles, added, undefined, { heldTokens: held.tokens, keptTokens: tokens, previous, onState: (x) => (next = x) });
  await s.install(index, { id, name: 'Kept', origin: 'imported', tokens, removeReplacedAfter: true, heldArticles: { from: held.from, ids: new Set(held.articles.map((a) => a.id)) }, state: analysisStateRows(next!, FINGERPRINT), keptRows, ...(code === undefined ? {} : { code }) });
  await s.whenIdle();
  return { index, previous, why };
}

/** How many held articles' claims a state gives back (kept with drafts). */
function articlesWithClaims(state: AnalysisState | undefined): number {
  return state ? [...state.claims.values()].filter((k) => k.claims.length > 0).length : 0;
}

/** The state's rows of the generation a corpus reads. */
async function stateRows(s: CorpusStore, id: string): Promise<StateRow[]> {
  return s.db.getAll('state', generationRange((await s.meta(id))!.data));
}

const cases: { name: string; articles: () => ArticleInput[]; added: number }[] = [
  { name: 'seeds, 1 added to 4', articles: () => readCorpus(resolve(ROOT, 'seeds')).articles, added: 1 },
  { name: 'generated, 10 added to 20', articles: () => generateCorpus({ articles: 30, seed: 11 }), added: 10 },
];

describe('the analysis state kept by the store', () => {
  it.each(cases)('$name: an add given the stored state equals the full analysis, and so does the next add', async ({ articles, added }) => {
    const all = articles();
    const { oldOnes, newOnes } = split(all, added);
    const [first, second] = [newOnes.slice(0, Math.ceil(added / 2)), newOnes.slice(Math.ceil(added / 2))];
    const { s, id } = await installedWithState(oldOnes);
    const one = await addAsTheWorker(s, id, first);
    expect(one.why).toEqual([]);
    expect(one.previous!.claims.size).toBe(oldOnes.length);
    expect(articlesWithClaims(one.previous)).toBeGreaterThan(0);
    expect(serialiseIndex(one.index)).toBe(serialiseIndex(analyseCorpus([...oldOnes, ...first])));
    expect(serialiseIndex(await s.readIndex(id))).toBe(serialiseIndex(one.index));
    if (!second.length) return;
    // The state the add kept, read back by the next one.
    const two = await addAsTheWorker(s, id, second);
    expect(two.why).toEqual([]);
    expect(two.previous!.claims.size).toBe(oldOnes.length + first.length);
    expect(serialiseIndex(two.index)).toBe(serialiseIndex(analyseCorpus(all)));
  }, TIMEOUT_MS);

  it('an add as the worker makes it (its code given: cards of unchanged inputs taken, the claim rows read for the state not read again) stores the cards of a fresh install', async () => {
    const all = generateCorpus({ articles: 30, seed: 11 });
    const { oldOnes, newOnes } = split(all, 10);
    const { s, id } = await installedWithState(oldOnes, 'build-1');
    const one = await addAsTheWorker(s, id, newOnes, FINGERPRINT, 'build-1');
    expect(one.why).toEqual([]);
    const whole = analyseCorpus(all);
    const f = await freshStore();
    open.push(f);
    const fresh = (await f.meta((await f.install(whole, { name: 'Whole', origin: 'imported' })).id))!;
    const meta = (await s.meta(id))!;
    expect(serialiseIndex(await s.readIndex(id))).toBe(serialiseIndex(whole));
    for (const [kind, key] of cardKeys(whole)) expect(await s.readDetails(meta, kind, key)).toEqual(await f.readDetails(fresh, kind, key));
  }, TIMEOUT_MS);

  it('the state read back is the state kept (drafts made again from the claim records, speech groups by key)', async () => {
    const { s, id, state } = await installedWithState(generateCorpus({ articles: 20, seed: 5 }));
    const back = await readAnalysisState(s.db, (await s.meta(id))!.data, FINGERPRINT);
    // A kept draft's speech group numbers are the analysis's; the state names them by key (speechKeys) and the numbers are given back by the next analysis.
    // The words asked are kept once each, with their answers.
    const asked = (k: AnalysisState['claims'] extends Map<string, infer K> ? K : never) => [...new Set(k.asked ? k.asked.split('\n').map((w, n) => `${w}=${k.answers[n]}`) : [])].sort();
    const comparable = (x: AnalysisState) => [...x.claims].map(([articleId, k]) => [articleId, { ...k, asked: asked(k), answers: '', claims: k.claims.map((c, n) => ({ ...c, speechGroups: k.speechKeys[n] ? [] : c.speechGroups })) }]);
    expect(comparable(back!)).toEqual(comparable(state));
    expect([...back!.claims.values()].some((k) => k.speechKeys.some((x) => x))).toBe(true);
    expect(back!.diffs).toEqual(state.diffs);
    expect(back!.diffs.size).toBeGreaterThan(0);
  }, TIMEOUT_MS);

  it('sameJson is the same JSON text, never looser: key order counts; one object on both sides only when frozen through', () => {
    const { sameJson, freezeThrough } = sharedRows;
    expect(sameJson({ a: 1, b: ['x', { c: null }] }, { a: 1, b: ['x', { c: null }] })).toBe(true);
    expect(sameJson({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(sameJson([1, 2], [1, 2, 3])).toBe(false);
    expect(sameJson({ a: [] }, { a: {} })).toBe(false);
    expect(sameJson(NaN, NaN)).toBe(false);
    const list = ['x'];
    expect(sameJson({ list }, { list })).toBe(false);
    expect(freezeThrough({ list })).toBe(true);
    expect(sameJson({ list }, { list })).toBe(true);
    const bytes = { n: new Uint8Array([1]) };
    expect(freezeThrough(bytes)).toBe(false);
    expect(Object.isFrozen(bytes)).toBe(false);
    expect(sameJson(bytes, bytes)).toBe(false);
    expect(sameJson({ d: new Date(0) }, { d: new Date(0) })).toBe(false);
  });

  it('an install given the claim rows read for the state takes a row equal to one unhashed, and writes one with any record changed (a value, or the same fields in another order): the same corpus as a fresh install', async () => {
    const { s, id } = await installedWithState(generateCorpus({ articles: 20, seed: 7 }));
    const before = (await s.meta(id))!.data;
    const keptRows: KeptRow[] = [];
    await readAnalysisState(s.db, before, FINGERPRINT, keptRows);
    const long = keptRows.filter((r) => r.records.length >= 2);
    expect(long.length).toBeGreaterThanOrEqual(2);
    // A kept row cannot be changed, nor a record in it.
    expect(() => (long[0].records as unknown[]).push({})).toThrow(TypeError);
    expect(() => ((long[0].records[0] as ClaimRecord).keywords as string[]).push('x')).toThrow(TypeError);
    const index = await s.readIndex(id);
    // The last record of two rows changed: one's text, the other's fields reordered (the same values, another JSON text).
    const [textChanged, reordered] = [long[0], long[1]].map((r) => (r.records[r.records.length - 1] as ClaimRecord).id);
    const at = (claim: string) => index.claims.findIndex((c) => c.id === claim);
    index.claims[at(textChanged)] = { ...index.claims[at(textChanged)], text: `${index.claims[at(textChanged)].text} (changed)` };
    index.claims[at(reordered)] = Object.fromEntries(Object.entries(index.claims[at(reordered)]).reverse()) as unknown as ClaimRecord;
    const hashed: string[] = [];
    const rowHash = sharedRows.rowHash;
    const spy = vi.spyOn(sharedRows, 'rowHash').mockImplementation((records) => {
      const first = records[0] as Partial<ClaimRecord> | undefined;
      if (first?.sentence !== undefined) hashed.push(first.id!);
      return rowHash(records);
    });
    try {
      await s.install(index, { id, name: 'Kept', origin: 'imported', keptRows });
    } finally {
      spy.mockRestore();
    }
    await s.whenIdle();
    const fresh = await freshStore();
    open.push(fresh);
    const other = await fresh.install(index, { name: 'Fresh', origin: 'imported' });
    expect(serialiseIndex(await s.readIndex(id))).toBe(serialiseIndex(await fresh.readIndex(other.id)));
    expect((await s.readIndex(id)).claims[at(textChanged)].text).toMatch(/\(changed\)$/u);
    // The two changed rows were hashed and written afresh; the other kept rows were taken as they are, unhashed.
    const firstOf = (r: KeptRow) => (r.records[0] as ClaimRecord).id;
    expect(hashed).toEqual(expect.arrayContaining([firstOf(long[0]), firstOf(long[1])]));
    const unchanged = keptRows.filter((r) => r !== long[0] && r !== long[1]);
    expect(unchanged.length).toBeGreaterThan(0);
    for (const r of unchanged) expect(hashed).not.toContain(firstOf(r));
    const manifest = (await s.db.get('records', [(await s.meta(id))!.data, MANIFEST, 0])) as RecordManifestRow;
    const claimRefs = manifest.refs.filter((r) => r.coll === 'claims');
    expect(claimRefs.filter((r) => r.from !== before)).toHaveLength(2);
    expect(claimRefs).toHaveLength(keptRows.length);
  }, TIMEOUT_MS);

  it('carries a field it does not know (as the entity step may add), cut into rows of bounded size', async () => {
    const s = await freshStore();
    open.push(s);
    const articles = readCorpus(resolve(ROOT, 'seeds')).articles;
    let state: AnalysisState | undefined;
    const index = analyseCorpus(articles, undefined, undefined, { onState: (x) => (state = x) });
    const big = new Map(Array.from({ length: 3000 }, (_, k) => [`word-${k}`, { count: k, articles: new Set([`a${k}`, 'b']), text: 'x'.repeat(200) }]));
    const extra = { evidence: big, counts: new Uint32Array([1, 2, 3]), words: new Set(Array.from({ length: 20_000 }, (_, k) => `w${k}`)), nested: { list: Array.from({ length: 2000 }, (_, k) => [k, 'y'.repeat(100)]), at: 7 } };
    const withExtra = { ...state!, extra } as AnalysisState;
    const { id } = await s.install(index, { name: 'Extra', origin: 'imported', state: analysisStateRows(withExtra, FINGERPRINT) });
    const rows = await stateRows(s, id);
    // The big map is cut into several rows, none far above the bound.
    expect(rows.filter((r) => r.part === JSON.stringify(['extra', 'evidence'])).length).toBeGreaterThan(2);
    expect(rows.filter((r) => r.part === JSON.stringify(['extra', 'words'])).length).toBeGreaterThan(1);
    for (const r of rows) expect(JSON.stringify(r.items ?? r.value ?? r.keys ?? null).length).toBeLessThan(2 * STATE_ROW_BYTES);
    const back = (await readAnalysisState(s.db, (await s.meta(id))!.data, FINGERPRINT)) as AnalysisState & { extra: typeof extra };
    expect(back.extra).toEqual(extra);
    expect(back.extra.evidence.get('word-17')!.articles).toEqual(new Set(['a17', 'b']));
  });

  it('a state made by other code, for another schema, or of another layout is ignored: the add analyses in full, with the same index', async () => {
    const all = generateCorpus({ articles: 24, seed: 19 });
    const { oldOnes, newOnes } = split(all, 4);
    const whole = serialiseIndex(analyseCorpus(all));
    for (const [what, change] of [
      ['other code', (head: Record<string, unknown>) => ({ ...head, code: '/assets/import-worker-older.js' })],
      ['another schema', (head: Record<string, unknown>) => ({ ...head, schemaVersion: SCHEMA_VERSION + 1 })],
      ['another layout', (head: Record<string, unknown>) => ({ ...head, storedVersion: 0 })],
    ] as const) {
      const { s, id } = await installedWithState(oldOnes);
      const data = (await s.meta(id))!.data;
      const head = (await s.db.get('state', [data, '#head', 0]))!;
      await s.db.put('state', { ...head, value: change(head.value as Record<string, unknown>) });
      const add = await addAsTheWorker(s, id, newOnes);
      expect(add.previous, what).toBeUndefined();
      expect(add.why, what).toHaveLength(1);
      expect(serialiseIndex(add.index), what).toBe(whole);
    }
  }, TIMEOUT_MS);

  it('a corpus without a state (installed from a corpus file, or replaced without one) gets one on its first add', async () => {
    const all = generateCorpus({ articles: 24, seed: 37 });
    const { oldOnes, newOnes } = split(all, 4);
    const { s, id } = await installedWithState(oldOnes);
    // Replaced by an install that keeps no state: the state of the generation replaced is not read.
    await s.install(analyseCorpus(oldOnes), { id, name: 'Kept', origin: 'imported' });
    await s.whenIdle();
    expect(await stateRows(s, id)).toEqual([]);
    expect(await s.db.count('state')).toBe(0);
    const first = await addAsTheWorker(s, id, newOnes.slice(0, 2));
    expect(first.previous).toBeUndefined();
    expect(first.why).toEqual([]);
    expect(serialiseIndex(first.index)).toBe(serialiseIndex(analyseCorpus([...oldOnes, ...newOnes.slice(0, 2)])));
    expect((await stateRows(s, id)).length).toBeGreaterThan(1);
    const second = await addAsTheWorker(s, id, newOnes.slice(2));
    expect(articlesWithClaims(second.previous)).toBeGreaterThan(0);
    expect(serialiseIndex(second.index)).toBe(serialiseIndex(analyseCorpus(all)));
  }, TIMEOUT_MS);

  it('a corrupt state is ignored, or the part of it that cannot be read is made again: the same index', async () => {
    const all = generateCorpus({ articles: 24, seed: 41 });
    const { oldOnes, newOnes } = split(all, 4);
    const whole = serialiseIndex(analyseCorpus(all));
    const corruptions: [string, boolean, (rows: StateRow[]) => { put?: StateRow[]; remove?: StateRow[] }][] = [
      ['a row missing', false, (rows) => ({ remove: [rows.find((r) => r.part === JSON.stringify(['claims', 'articles']))!] })],
      ['a row of another kind', false, (rows) => ({ put: [{ ...rows.find((r) => r.part === JSON.stringify(['claims', 'words']))!, kind: 'object' }] })],
      ['a map row whose items are not pairs', false, (rows) => ({ put: [{ ...rows.find((r) => r.part === JSON.stringify(['claims', 'articles']))!, items: ['garbage'] }] })],
      ['the place words not a list', false, (rows) => ({ put: [{ ...rows.find((r) => r.part === JSON.stringify(['claims', 'places']))!, value: 'garbage' }] })],
      [
        'every article kept with flags of another length, and its diffs not lists of parts',
        true,
        (rows) => ({
          put: rows
            .filter((r) => r.part === JSON.stringify(['claims', 'articles']) || r.part === JSON.stringify(['diffs']))
            .map((r) => ({
              ...r,
              items: r.items!.map((e) => {
                const [k, v] = e as [string, Record<string, unknown>];
                return r.part === JSON.stringify(['diffs']) ? [k, [{ op: 'other', text: 1 }]] : [k, { ...v, flags: new Int32Array((v.flags as Int32Array).length + 1) }];
              }),
            })),
        }),
      ],
    ];
    for (const [what, usable, corrupt] of corruptions) {
      const { s, id } = await installedWithState(oldOnes);
      const { put = [], remove = [] } = corrupt(await stateRows(s, id));
      for (const r of put) await s.db.put('state', r);
      for (const r of remove) await s.db.delete('state', [r.data, r.part, r.n]);
      const add = await addAsTheWorker(s, id, newOnes);
      if (usable) {
        // Read, but with no article's claims nor any diff given back.
        expect(add.previous!.claims.size, what).toBe(0);
        expect(add.previous!.diffs.size, what).toBe(0);
      } else {
        expect(add.previous, what).toBeUndefined();
        expect(add.why, what).toHaveLength(1);
      }
      expect(serialiseIndex(add.index), what).toBe(whole);
    }
  }, TIMEOUT_MS);

  it('an install interrupted while it writes the state leaves the corpus and its state as they were', async () => {
    const all = generateCorpus({ articles: 24, seed: 43 });
    const { oldOnes, newOnes } = split(all, 4);
    const { s, id } = await installedWithState(oldOnes);
    const before = (await s.meta(id))!;
    const beforeRows = await stateRows(s, id);
    const beforeIndex = serialiseIndex(await s.readIndex(id));
    // The context dies while the state rows are being written: no clean-up runs.
    (s as unknown as { discard: () => Promise<void> }).discard = async () => undefined;
    const restore = failPuts('state', () => new Error('the tab was closed'), (row) => (row as StateRow).part !== '#head');
    try {
      await expect(addAsTheWorker(s, id, newOnes)).rejects.toThrow('the tab was closed');
    } finally {
      restore();
    }
    // The head of the new state was written, under the generation that never became the corpus's.
    const after = (await s.meta(id))!;
    expect(after.data).toBe(before.data);
    expect(await s.db.count('state')).toBeGreaterThan(beforeRows.length);
    expect(await stateRows(s, id)).toEqual(beforeRows);
    expect(serialiseIndex(await s.readIndex(id))).toBe(beforeIndex);
    await s.recover();
    expect(await s.db.count('state')).toBe(beforeRows.length);
    // The next add reads the old state and gives the full analysis.
    const add = await addAsTheWorker(s, id, newOnes);
    expect(add.previous!.claims.size).toBe(oldOnes.length);
    expect(serialiseIndex(add.index)).toBe(serialiseIndex(analyseCorpus(all)));
  }, TIMEOUT_MS);

  it('the kept form holds no claim draft: far smaller than the drafts', () => {
    let state: AnalysisState | undefined;
    analyseCorpus(generateCorpus({ articles: 20, seed: 5 }), undefined, undefined, { onState: (x) => (state = x) });
    const drafts = [...state!.claims.values()].reduce((n, k) => n + JSON.stringify(k.claims).length, 0);
    const kept = storedState(state!);
    expect(Object.keys([...kept.claims.articles.values()][0]).sort()).toEqual(expect.arrayContaining(['asked', 'flags', 'inputs']));
    let size = 0;
    for (const k of kept.claims.articles.values()) size += k.inputs.length + k.asked.byteLength + k.flags.byteLength + JSON.stringify([k.actors ?? [], k.speech ?? []]).length;
    expect(size).toBeLessThan(drafts / 5);
  }, TIMEOUT_MS);
});
