/**
 * A corpus file chosen on the Corpora page goes to the import worker as the file itself, which the
 * worker streams into the store (CorpusStore.installFile): the page never reads it into a string. Its
 * progress says how much of the file is read, then how many rows of card records and matcher are
 * written.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportPanel } from '../../../src/ui/browser/corpora/ImportPanel';
import type { WorkerReply, WorkerRequest } from '../../../src/ui/browser/corpora/import-protocol';

const realWorker = globalThis.Worker;
const realStorage = Object.getOwnPropertyDescriptor(navigator, 'storage');

/** The last worker started, with the requests the page posted to it. */
let worker: FakeWorker | null;

class FakeWorker {
  onmessage: ((event: { data: WorkerReply }) => void) | null = null;
  onerror: unknown = null;
  posted: WorkerRequest[] = [];
  constructor() {
    worker = this;
  }
  postMessage(request: WorkerRequest): void {
    this.posted.push(request);
  }
  terminate(): void {}
  /** A reply from the worker, as the page receives it. */
  async reply(data: WorkerReply): Promise<void> {
    await act(async () => this.onmessage?.({ data }));
  }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await act(async () => new Promise((r) => setTimeout(r, 0)));
}

describe('importing a corpus file on the Corpora page', () => {
  beforeEach(() => {
    worker = null;
    (globalThis as { Worker: unknown }).Worker = FakeWorker;
    Object.defineProperty(navigator, 'storage', { configurable: true, value: { estimate: async () => ({ quota: 1e10, usage: 0 }) } });
  });
  afterEach(() => {
    (globalThis as { Worker: unknown }).Worker = realWorker;
    if (realStorage) Object.defineProperty(navigator, 'storage', realStorage);
    else delete (navigator as { storage?: unknown }).storage;
    document.body.innerHTML = '';
  });

  it('hands the worker the file itself, never its text, and shows the file read then the rows written', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    await act(async () => render(<ImportPanel corpora={[]} onImported={() => undefined} />, root));
    const file = new File(['{"schemaVersion":1}'], 'harbour.corpus.json', { type: 'application/json' });
    // A page reading the file would call text() or arrayBuffer(): neither may be called.
    let read = 0;
    file.text = async () => (read++, '');
    file.arrayBuffer = async () => (read++, new ArrayBuffer(0));
    const input = root.querySelector<HTMLInputElement>('[data-testid="choose-corpus-file"]')!;
    Object.defineProperty(input, 'files', { configurable: true, value: [file] });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();

    expect(worker?.posted).toHaveLength(1);
    const request = worker!.posted[0]!;
    expect(request.type).toBe('install-file');
    expect(request.type === 'install-file' && [request.file, request.fileName, request.name]).toEqual([file, 'harbour.corpus.json', 'harbour']);
    expect(read).toBe(0);

    await worker!.reply({ type: 'progress', phase: 'installing', step: 'file', done: 120, total: 600 });
    const progress = () => root.querySelector('[data-testid="import-progress"]');
    expect(progress()?.getAttribute('data-phase')).toBe('installing');
    expect(progress()?.textContent).toContain('Reading and saving the corpus file: 120 of 600 MB');

    await worker!.reply({ type: 'progress', phase: 'saving', step: 'rows', done: 3000, total: 9000 });
    expect(progress()?.getAttribute('data-phase')).toBe('saving');
    expect(progress()?.textContent).toContain('Saving card records and the matcher: 3000 of 9000 rows');
  });
});
