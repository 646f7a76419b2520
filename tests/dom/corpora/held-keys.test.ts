/**
 * An add's duplicate check takes the corpus's article keys from the import worker prepared for it
 * (which reads the articles anyway), instead of reading every article again beside it; when the
 * worker could not read them, or was prepared for another corpus, the page reads them itself.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CorpusStore } from '../../../src/store/corpus-store';
import type { ImportFile } from '../../../src/store/import';
import type { HeldKeys, ImportTarget, WorkerRequest } from '../../../src/ui/browser/corpora/import-protocol';
import { parseFiles, prepareImport } from '../../../src/ui/browser/corpora/import-client';
import { secondIndex } from '../../unit/store/helpers';

const HELD_HEADLINE = 'Ferry pier to close';
const HELD_BODY = 'The harbour board in Eastwick voted on Tuesday to close the old ferry pier.';
/** An imported row's text: its headline, then its body (read-table.ts). */
const HELD_TEXT = `${HELD_HEADLINE}\n\n${HELD_BODY}`;
const HELD_URL = 'https://news.example/eastwick/pier';

/** What the fake worker says it read (null: that it could not), and the requests it was sent. */
let reply: HeldKeys | null;
let requests: WorkerRequest[];
const realWorker = globalThis.Worker;

class FakeWorker {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: unknown = null;
  postMessage(request: WorkerRequest): void {
    requests.push(request);
    if (request.type === 'prepare') setTimeout(() => this.onmessage?.({ data: { type: 'held', keys: reply } }), 0);
  }
  terminate(): void {}
}

function jsonl(name: string, rows: { maintext: string; url?: string; title?: string }[]): ImportFile {
  return { name, bytes: new TextEncoder().encode(rows.map((r) => JSON.stringify({ title: r.title ?? 'A headline', ...r })).join('\n')) };
}

describe("an add's duplicate check", () => {
  beforeEach(() => {
    requests = [];
    (globalThis as { Worker: unknown }).Worker = FakeWorker;
  });
  afterEach(() => {
    (globalThis as { Worker: unknown }).Worker = realWorker;
  });

  it("takes the keys the prepared worker read, without reading the store", async () => {
    reply = { ids: ['pier'], urls: [HELD_URL], texts: [HELD_TEXT] };
    // No such corpus in the store: reading it there would fail.
    const target = { kind: 'add', id: 'corpus-not-in-the-store' } as const;
    const prepared = prepareImport(target);
    const file = jsonl('export.jsonl', [
      // The same text, spaced otherwise.
      { title: HELD_HEADLINE, maintext: `  ${HELD_BODY.replace(/ /g, '\n ')}` },
      { maintext: 'A different story about the ferry timetable in Eastwick, told at length.', url: HELD_URL },
      { maintext: 'A new story: the pier reopens for walkers on Sunday, the harbour board said.' },
    ]);
    const result = await parseFiles([file], target, {}, prepared);
    prepared.discard();
    expect(requests).toEqual([{ type: 'prepare', target }]);
    expect(result.report.map((e) => [e.code, e.row])).toEqual([
      ['duplicate-text', 1],
      ['duplicate-url', 2],
    ]);
    expect(result.articles.map((a) => a.text)).toEqual(['A headline\n\nA new story: the pier reopens for walkers on Sunday, the harbour board said.']);
    expect(result.heldChars).toBe(HELD_TEXT.length);
  });

  it('reads the store when the worker could not read the keys, or was prepared for another corpus', async () => {
    const store = await CorpusStore.open();
    const index = secondIndex();
    const { id } = await store.install(index, { name: 'Second', origin: 'imported' });
    store.close();
    const held = index.articles[0]!;
    const target = { kind: 'add', id } as const;
    // Its text opens with its headline: not given it twice.
    const file = jsonl('export.jsonl', [{ title: held.text.split('\n')[0]!, maintext: held.text }]);
    const heldChars = index.articles.reduce((sum, a) => sum + a.text.length, 0);
    const cases: [HeldKeys | null, ImportTarget][] = [
      [null, target],
      [{ ids: [], urls: [], texts: [] }, { kind: 'add', id: 'another-corpus' }],
    ];
    for (const [keys, preparedFor] of cases) {
      reply = keys;
      const prepared = prepareImport(preparedFor);
      const result = await parseFiles([file], target, {}, prepared);
      prepared.discard();
      expect(result.report.map((e) => e.code)).toEqual(['duplicate-text']);
      expect(result.articles).toEqual([]);
      expect(result.heldChars).toBe(heldChars);
    }
  });
});
