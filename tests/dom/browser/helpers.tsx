/** Test helpers: mount the corpus browser at a hash with a recording download. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { CorpusIndex } from '../../../src/core/index/types';
import { CorpusBrowser } from '../../../src/ui/browser/CorpusBrowser';
import type { LoadedCorpus } from '../../../src/ui/shared/corpus';

/** A file the page offered for download. */
export interface Downloaded {
  text: string;
  fileName: string;
  mime: string;
}

/** Mounts the browser page at `hash` and returns its root and the downloads it made. */
export async function mountBrowser(corpus: CorpusIndex | LoadedCorpus, hash = '#/') {
  location.hash = hash;
  const downloads: Downloaded[] = [];
  const root = document.createElement('div');
  document.body.append(root);
  const loaded: LoadedCorpus = 'schemaVersion' in corpus ? { index: corpus } : corpus;
  await act(async () => {
    render(<CorpusBrowser corpus={loaded} download={(text, fileName, mime) => downloads.push({ text, fileName, mime })} />, root);
  });
  return { root, downloads };
}

/** Follows a link or sets the hash, and lets the router re-render. */
export async function navigate(hash: string): Promise<void> {
  await act(async () => {
    location.hash = hash;
    dispatchEvent(new HashChangeEvent('hashchange'));
    await new Promise((r) => setTimeout(r, 0));
  });
}

/** Text with whitespace collapsed. */
export function textOf(el: Element | null): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Unmounts everything. */
export function cleanup(): void {
  for (const el of [...document.body.children]) {
    render(null, el);
    el.remove();
  }
}
