/// <reference types="@crxjs/vite-plugin/client" />
/**
 * "Add this page": reads the article of a tab the reader pointed at (popup button or context
 * menu, which grant activeTab for that tab) with the on-demand reader script, and holds the draft
 * in memory until the confirmation page takes it. Nothing is stored; a draft nobody takes expires.
 */
import browser from 'webextension-polyfill';
import addPageFile from '../page/add-page?iife';
import { ADD_PAGE_KEY, type PageDraftView } from '../shared/add-page';

/** How long a draft waits for its confirmation page (which asks for it as soon as it opens). */
const DRAFT_TTL_MS = 10 * 60_000;

const drafts = new Map<string, { draft: PageDraftView; expires: number }>();

type ReadResult = { text: string; meta: PageDraftView['meta']; warnings: Array<{ reason: string }> } | { code: string; reason: string };

/** Reads the article of a tab; throws with the reader's reason when the page holds none. */
export async function readPageDraft(tabId: number): Promise<PageDraftView> {
  await browser.scripting.executeScript({ target: { tabId }, files: [addPageFile] });
  const [injection] = await browser.scripting.executeScript({
    target: { tabId },
    func: (key: string) => (globalThis as unknown as Record<string, () => unknown>)[key]?.(),
    args: [ADD_PAGE_KEY],
  });
  const result = injection?.result as ReadResult | undefined;
  if (!result) throw new Error('the page could not be read');
  if ('reason' in result && !('text' in result)) throw new Error(result.reason);
  const read = result as Extract<ReadResult, { text: string }>;
  return { text: read.text, meta: read.meta, warnings: read.warnings.map((w) => w.reason) };
}

/** Keeps a draft for its confirmation page; returns the id that page asks with. */
export function holdDraft(draft: PageDraftView, now = Date.now()): string {
  for (const [id, held] of drafts) if (held.expires <= now) drafts.delete(id);
  const id = crypto.randomUUID();
  drafts.set(id, { draft, expires: now + DRAFT_TTL_MS });
  return id;
}

/** Hands a held draft over once (null when it expired, was taken, or the background restarted). */
export function takeDraft(id: string, now = Date.now()): PageDraftView | null {
  const held = drafts.get(id);
  drafts.delete(id);
  return held && held.expires > now ? held.draft : null;
}
