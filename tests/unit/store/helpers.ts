/** Set-up for the corpus-store tests: a fresh database per test over fake-indexeddb, and two small corpora. */
import 'fake-indexeddb/auto';
import type { CorpusIndex, DetectionKind } from '../../../src/core/index/types';
import { serialiseCorpusFile } from '../../../src/store/corpus-file';
import { CorpusStore, type StoreOptions } from '../../../src/store/corpus-store';
import { indexOf } from '../analysis/helpers';

let counter = 0;

/** A database name no other test uses. */
export function freshDbName(): string {
  return `store-test-${process.pid}-${++counter}`;
}

/** A corpus store over a database of its own. */
export async function freshStore(name = freshDbName(), options?: StoreOptions): Promise<CorpusStore> {
  return CorpusStore.open(name, options);
}

/** The seeds' index, as a corpus file would carry it (a plain JSON copy). */
export function seedsIndex(): CorpusIndex {
  return JSON.parse(serialiseCorpusFile(indexOf('seeds'))) as CorpusIndex;
}

/** The invented four-article corpus of tests/fixtures/corpora/second. */
export function secondIndex(): CorpusIndex {
  return JSON.parse(serialiseCorpusFile(indexOf('tests/fixtures/corpora/second'))) as CorpusIndex;
}

/** A sentence naming a person of the seeds (a corpus fact the tests may use). */
export const SEEDS_TEXT = 'Jeremy Corbyn spoke to reporters on Monday.';
/** A sentence naming a person of the second corpus. */
export const SECOND_TEXT = 'Ilse Brandvold spoke to reporters on Monday.';

/** Every row of every data store, to prove what is (not) left behind. */
export async function countRows(store: CorpusStore): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const s of ['corpora', 'articles', 'records', 'details', 'matcher'] as const) out[s] = await store.db.count(s);
  return out;
}

/** Every card record key of an index: its entities', claim groups' and quote groups'. */
export function cardKeys(index: CorpusIndex): [DetectionKind, string][] {
  return [
    ...index.entities.map((e): [DetectionKind, string] => [e.kind, e.id]),
    ...index.claimGroups.map((g): [DetectionKind, string] => ['claim', g.id]),
    ...index.quoteGroups.map((g): [DetectionKind, string] => ['quote', g.id]),
  ];
}

/**
 * Makes every put into the object store `storeName` whose value `when` accepts (every one, without
 * `when`) throw `error` until the returned function restores IndexedDB's own put.
 */
export function failPuts(storeName: string, error: () => Error, when: (value: unknown) => boolean = () => true): () => void {
  const proto = IDBObjectStore.prototype;
  const original = proto.put;
  proto.put = function put(this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (this.name === storeName && when(args[0])) throw error();
    return original.apply(this, args);
  };
  return () => {
    proto.put = original;
  };
}
