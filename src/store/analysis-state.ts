/**
 * The analysis state (core claim-reuse.ts) kept beside the generation it was made with, so the
 * next add to that corpus reuses it. Written by the install of that generation, in its rows (db.ts
 * StateRow, keyed by its data key first): an interrupted install leaves neither, a removed
 * generation takes its state with it, and a generation installed without one (a corpus file, the
 * bundled corpus) has none. Kept in its compact form (stored-state.ts) as structured-clone values,
 * whatever its fields: a plain object is kept field by field, a Map's entries, a Set's values and
 * an array's items are cut into rows of about STATE_ROW_BYTES, anything else is kept whole in one row. A head row
 * says which state it is; a state of another layout, made by other analysis code (`code`), of
 * another index schema, or whose rows do not make a whole is not read: the add then analyses in
 * full, which gives the same index.
 */
import type { IDBPDatabase } from 'idb';
import type { AnalysisState } from '../core/analysis/claim-reuse';
import { restoredState, storedState, STORED_STATE_VERSION } from '../core/analysis/stored-state';
import { generationRange, readRecordRows, type CorpusDb, type RecordRow, type StateRow } from './db';
import { freezeThrough, type KeptRow } from './shared-rows';

/** The layout of the state rows: a change to how they are cut or described bumps it. */
export const STATE_ROWS_VERSION = 1;

/**
 * Bytes a row of cut entries holds, about (estimated from the values: strings at two bytes a
 * character). As RecordRow's: well under a megabyte, and the state of 5,000 generated articles
 * takes a couple of hundred rows, not thousands: 213 rows, 41.1 MB of structured clone (v8.serialize,
 * add-node.ts --state), of which the entity step's state (03-entities/kept.ts) is 29.8 MB (its
 * per-article shares 19.5, mentions 8.9), the quote diffs 5.1, the compact claims 5.1 and the
 * claim groups 1.1. Every install writes all of them, an add's too, though most entries outlive an
 * add (10 generated articles added to 5,000, each entry's v8.serialize bytes compared with the
 * state before): entity shares 5,000 of 5,010, mention results 4,978 of 5,010, quote diffs 7,447
 * of 7,474; the compact claims' entries none (their place words are numbers in first-asked order,
 * which the add moves). Rows cut where the entries' keys say and shared as record rows are
 * (shared-rows.ts) would leave 23 MB (rows of today's size: a changed entry's row goes with it) to
 * 33 MB (rows of a few entries) of the 41 unwritten: not done yet.
 */
export const STATE_ROW_BYTES = 256 * 1024;

/** Fields nested deeper than this are kept whole in one row (a state's fields are maps and lists a level or two down). */
const MAX_DEPTH = 4;

/** The `part` of the head row (a field's part is a JSON array, so it never is this). */
const HEAD = '#head';

/** What a state was made with: it is read back only by the same. */
export interface StateFingerprint {
  /** The analysis code (e.g. the worker's bundle name, which changes with its content). */
  code: string;
  /** The index schema the generation was written in. */
  schemaVersion: number;
}

/** The head row's value. */
interface StateHead extends StateFingerprint {
  rowsVersion: number;
  storedVersion: number;
  /** Rows besides the head. */
  rows: number;
}

/** A state row before it is given its generation's data key. */
export type StateRowOut = Omit<StateRow, 'data'>;

/** The rows keeping `state` (compacted), the head first. */
export function analysisStateRows(state: AnalysisState, fingerprint: StateFingerprint): StateRowOut[] {
  const rows: StateRowOut[] = [];
  cut(storedState(state), [], 0, rows);
  const head: StateHead = { rowsVersion: STATE_ROWS_VERSION, storedVersion: STORED_STATE_VERSION, code: fingerprint.code, schemaVersion: fingerprint.schemaVersion, rows: rows.length };
  return [{ part: HEAD, n: 0, kind: 'head', value: head }, ...rows];
}

function cut(value: unknown, path: readonly string[], depth: number, rows: StateRowOut[]): void {
  const part = JSON.stringify(path);
  if (depth < MAX_DEPTH && isPlainObject(value)) {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined);
    rows.push({ part, n: 0, kind: 'object', keys });
    for (const k of keys) cut(value[k], [...path, k], depth + 1, rows);
    return;
  }
  if (value instanceof Map || value instanceof Set || Array.isArray(value)) {
    const kind = value instanceof Map ? 'map' : value instanceof Set ? 'set' : 'array';
    let items: unknown[] = [];
    let bytes = 0;
    let n = 0;
    for (const item of value instanceof Map ? value.entries() : value.values()) {
      items.push(item);
      bytes += approxBytes(item);
      if (bytes >= STATE_ROW_BYTES) {
        rows.push({ part, n: n++, kind, items });
        [items, bytes] = [[], 0];
      }
    }
    if (items.length || n === 0) rows.push({ part, n, kind, items });
    return;
  }
  rows.push({ part, n: 0, kind: 'value', value });
}

/** About how many bytes a value takes kept (strings at two a character); a guide for cutting rows, not a measure. */
function approxBytes(value: unknown): number {
  if (typeof value === 'string') return 2 * value.length + 8;
  if (typeof value !== 'object' || value === null) return 8;
  if (ArrayBuffer.isView(value)) return value.byteLength + 16;
  let sum = 16;
  if (value instanceof Map) for (const [k, v] of value) sum += approxBytes(k) + approxBytes(v);
  else if (value instanceof Set || Array.isArray(value)) for (const v of value) sum += approxBytes(v);
  else for (const k in value) sum += 2 * k.length + approxBytes((value as Record<string, unknown>)[k]);
  return sum;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** A kept state that cannot be used, and why (for a developer's log: the add goes on in full). */
export class UnusableState extends Error {
  override name = 'UnusableState';
}

/**
 * The analysis state kept with generation `data`, its claim drafts made again from that
 * generation's claim records; null when it has none. Throws UnusableState when it has one that
 * cannot be used (another fingerprint or layout, rows missing or not of their shape). Given
 * `keptRows`, the claim record rows read are put there, frozen through before the drafts are made
 * of them (shared-rows.ts KeptRow: the install of the add takes a row equal to one as that row,
 * unhashed; a change to one throws).
 */
export async function readAnalysisState(db: IDBPDatabase<CorpusDb>, data: string, fingerprint: StateFingerprint, keptRows?: KeptRow[]): Promise<AnalysisState | null> {
  const tx = db.transaction(['state', 'records'], 'readonly');
  const headRow = await tx.objectStore('state').get([data, HEAD, 0]);
  if (!headRow) return null;
  const head = headRow.value as Partial<StateHead> | undefined;
  if (head?.rowsVersion !== STATE_ROWS_VERSION || head.storedVersion !== STORED_STATE_VERSION) throw new UnusableState('kept in another layout');
  if (head.code !== fingerprint.code) throw new UnusableState('made by other analysis code');
  if (head.schemaVersion !== fingerprint.schemaVersion) throw new UnusableState('made for another index schema');
  // Rows sort by part, then number: each part's rows come in order.
  const rows = (await tx.objectStore('state').getAll(generationRange(data))).filter((r) => r.part !== HEAD);
  const claims: unknown[] = [];
  let claimRows: RecordRow[];
  try {
    claimRows = await readRecordRows(tx, data, 'claims');
  } catch (error) {
    throw new UnusableState(error instanceof Error ? error.message : String(error));
  }
  for (const row of claimRows) {
    if (!Array.isArray(row.records)) throw new UnusableState(`claim records row ${row.n} is not a list`);
    for (const r of row.records) claims.push(r);
  }
  if (keptRows) for (const row of claimRows) if (freezeThrough(row.records)) keptRows.push({ from: row.data, coll: row.coll, n: row.n, records: row.records });
  if (rows.length !== head.rows) throw new UnusableState(`${rows.length} rows where ${String(head.rows)} were written`);
  const parts = new Map<string, StateRow[]>();
  for (const row of rows) {
    const list = parts.get(row.part) ?? [];
    if (row.n !== list.length) throw new UnusableState(`row ${row.n} of ${row.part} out of order`);
    list.push(row);
    parts.set(row.part, list);
  }
  const state = restoredState(joined(parts, [], 0), claims);
  if (!state) throw new UnusableState('not of the kept form');
  return state;
}

/** The value kept at `path` from its rows. */
function joined(parts: ReadonlyMap<string, StateRow[]>, path: readonly string[], depth: number): unknown {
  const part = JSON.stringify(path);
  const rows = parts.get(part);
  if (!rows?.length) throw new UnusableState(`no rows for ${part}`);
  const kind = rows[0].kind;
  if (rows.some((r) => r.kind !== kind)) throw new UnusableState(`rows of ${part} of different kinds`);
  if (kind === 'object') {
    if (depth >= MAX_DEPTH || rows.length !== 1 || !Array.isArray(rows[0].keys)) throw new UnusableState(`object row of ${part} not of its shape`);
    const out: Record<string, unknown> = {};
    for (const key of rows[0].keys) {
      if (typeof key !== 'string') throw new UnusableState(`a field name of ${part} is not a string`);
      out[key] = joined(parts, [...path, key], depth + 1);
    }
    return out;
  }
  if (kind === 'value') {
    if (rows.length !== 1) throw new UnusableState(`value of ${part} in ${rows.length} rows`);
    return rows[0].value;
  }
  if (kind !== 'map' && kind !== 'set' && kind !== 'array') throw new UnusableState(`row of ${part} of kind ${String(kind)}`);
  const items: unknown[] = [];
  for (const row of rows) {
    if (!Array.isArray(row.items)) throw new UnusableState(`row ${row.n} of ${part} has no items`);
    for (const item of row.items) items.push(item);
  }
  if (kind === 'array') return items;
  if (kind === 'set') return new Set(items);
  if (!items.every((e) => Array.isArray(e) && e.length === 2)) throw new UnusableState(`an entry of ${part} is not a pair`);
  return new Map(items as [unknown, unknown][]);
}

/**
 * readAnalysisState for an add: the state, or undefined when there is none that can be used (then
 * `onUnusable` is told why). Never throws: without the state the add analyses in full, which gives
 * the same index.
 */
export async function usableAnalysisState(db: IDBPDatabase<CorpusDb>, data: string, fingerprint: StateFingerprint, onUnusable: (why: string) => void = () => undefined, keptRows?: KeptRow[]): Promise<AnalysisState | undefined> {
  try {
    return (await readAnalysisState(db, data, fingerprint, keptRows)) ?? undefined;
  } catch (error) {
    onUnusable(error instanceof Error ? error.message : String(error));
    return undefined;
  }
}
