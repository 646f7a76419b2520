/**
 * The Corpora page's import checks storage before anything is written: when the browser's estimate
 * leaves too little room it says so (needed and free, in MB) and never starts the import worker;
 * with room, the worker is started.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportPanel } from '../../../src/ui/browser/corpora/ImportPanel';
import { bytesForText, megabytes } from '../../../src/store/storage-room';

const TEXT = 'A council in Eastwick approved forty new homes on Monday, its housing officer said.\n';

let started: number;
const realWorker = globalThis.Worker;
const realStorage = Object.getOwnPropertyDescriptor(navigator, 'storage');

class FakeWorker {
  onmessage: unknown = null;
  onerror: unknown = null;
  constructor() {
    started++;
  }
  postMessage(): void {}
  terminate(): void {}
}

function setQuota(quota: number, usage: number): void {
  Object.defineProperty(navigator, 'storage', { configurable: true, value: { estimate: async () => ({ quota, usage }) } });
}

async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await act(async () => new Promise((r) => setTimeout(r, 0)));
}

async function importText(): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.append(root);
  await act(async () => render(<ImportPanel corpora={[]} onImported={() => undefined} />, root));
  const input = root.querySelector<HTMLInputElement>('[data-testid="choose-files"]')!;
  Object.defineProperty(input, 'files', { configurable: true, value: [new File([TEXT], 'homes.txt', { type: 'text/plain' })] });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
  return root;
}

describe('storage check before an import', () => {
  beforeEach(() => {
    started = 0;
    (globalThis as { Worker: unknown }).Worker = FakeWorker;
  });
  afterEach(() => {
    (globalThis as { Worker: unknown }).Worker = realWorker;
    if (realStorage) Object.defineProperty(navigator, 'storage', realStorage);
    else delete (navigator as { storage?: unknown }).storage;
    document.body.innerHTML = '';
  });

  it('says there is not enough room, with the sizes, and starts nothing', async () => {
    const needed = bytesForText(TEXT.trim().length);
    setQuota(needed - 1 + 500, 500);
    const root = await importText();
    const failed = root.querySelector('[data-testid="import-failed"]');
    expect(failed?.textContent).toContain('Not enough storage');
    expect(failed?.textContent).toContain(`about ${megabytes(needed)} MB`);
    expect(failed?.textContent).toContain('Nothing was written');
    expect(started).toBe(0);
  });

  it('starts the import worker when the corpus fits', async () => {
    setQuota(1e9, 0);
    const root = await importText();
    expect(root.querySelector('[data-testid="import-failed"]')).toBeNull();
    expect(started).toBe(1);
  });
});
