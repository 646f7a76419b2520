/**
 * The page's side of matching: sends a batch of article blocks to the extension's matching side
 * and returns its matches. The page holds no corpus data; the matching side may be asleep (Chrome
 * stops an idle service worker after about 30 s and the next message starts it again) or be stopped
 * while it answers, so a failed request is tried again a few times before the batch is given up.
 */
import type { DetectionKind } from '../core/index/types';
import type { CorpusMatch, Protocol, RequestType, Result } from '../shared/protocol';
import { unpackEntityRefs } from '../shared/entity-refs';
import { isInvalidatedError } from './lifecycle';
import { pageDateReader } from './page-date';
import { PageContext } from './page-context';

/**
 * Matches a batch of block texts: per block, its matches (offsets into that block). `early`, when
 * given, may be called first with per block its people and organisations alone (a cold matching
 * side's names, MatchingProtocol `partial`), exactly those the whole answer will hold. `at`, when
 * given, is per block a node it was read from (its first text node): its place in the document, which decides the
 * page context the block is read with (page-context.ts); without it, a batch follows every block
 * sent before it.
 */
export type BlockMatch = (blocks: string[], kinds: Record<DetectionKind, boolean>, early?: (names: CorpusMatch[][]) => void, at?: readonly Node[]) => Promise<CorpusMatch[][]>;

/** What the client sends through (the controller's `request`). */
export type Requester = <K extends RequestType>(type: K, payload: Protocol[K]['request']) => Promise<Result<Protocol[K]['reply']>>;

/**
 * Waits before each retry (ms). A request that failed because the worker was stopped mid-answer is
 * answered by a freshly started one; starting it takes tens of milliseconds (a first quick retry),
 * a busy machine longer (the later, slower ones). About 2 s in all before giving up.
 */
export const MATCH_RETRY_DELAYS_MS = [50, 250, 600, 1200] as const;

/**
 * A request not answered in this long counts as a failed attempt (and is tried again): a message
 * lost with a stopped matching side must not hold the scan for ever, since every later batch is
 * applied after it. Far above a slow answer: the bench's first marker from a cold 5,000-article
 * side comes 0.08-0.14 s after load, and the fault tests wait 60 s for a whole scan.
 */
export const MATCH_REPLY_DEADLINE_MS = 20_000;

/** `request`'s answer, or a failed Result once MATCH_REPLY_DEADLINE_MS have passed without one. */
function withDeadline<T>(reply: Promise<Result<T>>): Promise<Result<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const lost = new Promise<Result<T>>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, error: `no answer from the matching side in ${MATCH_REPLY_DEADLINE_MS / 1000} s` }), MATCH_REPLY_DEADLINE_MS);
  });
  return Promise.race([reply, lost]).finally(() => clearTimeout(timer));
}

/** Thrown when the extension that injected this script is gone: the page must clean up, not retry. */
export class ContextGoneError extends Error {}

/** A BlockMatch over the background's `matchBlocks`, with retries; rejects when every attempt failed. */
export function createMatchClient(
  request: Requester,
  onProblems?: (problems: string[]) => void,
  sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
  /** The page's address, read per request (a single-page app changes it): its own corpus copy is not coverage. */
  pageUrl: () => string = () => location.href,
  /** The page's publication day (`YYYY-MM-DD`) when it declares one: the matching side resolves the page's relative dates against it. */
  pageDate: () => string | undefined = pageDateReader(document, pageUrl),
): BlockMatch {
  // The first batch that can take names early asks for them even from a warm matching side
  // (MatchingProtocol `namesFirst`): its markers are the first the reader sees.
  let firstSent = false;
  const context = new PageContext();
  // Requests answered with names alone whose whole answer has not come yet: the matching side is still loading.
  let loading = 0;
  return async (blocks, kinds, early, at) => {
    context.at(pageUrl());
    // Sent in document order, with the context of the blocks before them (PageContext).
    const noted = context.note(blocks.length, at);
    const inOrder = noted.order.map((i) => blocks[i]);
    const back = (sorted: CorpusMatch[][]): CorpusMatch[][] => {
      const out: CorpusMatch[][] = new Array(blocks.length);
      noted.order.forEach((i, k) => (out[i] = sorted[k]));
      return out;
    };
    let last = '';
    // Names first only once: the request after a names-only answer waits for the whole one.
    let partial = early !== undefined;
    const namesFirst = partial && !firstSent;
    if (partial) firstSent = true;
    let isLoading = false;
    if (noted.wait) {
      // Names need no page context: while the matching side is still loading, a batch that waits
      // for the answers above it asks for its names meanwhile (one request, no retry: the whole
      // answer brings them anyway), so they are not held back behind a slow first whole answer.
      if (early && loading > 0) {
        const names = await withDeadline(request('matchBlocks', { blocks: inOrder, kinds: { ...kinds, claim: false, quote: false }, page: pageUrl(), partial: true }));
        if (names.ok && Array.isArray(names.value.matches) && names.value.matches.length === blocks.length) {
          unpackEntityRefs(names.value.matches, names.value.entityRefs);
          partial = false;
          early(back(names.value.matches));
          await Promise.resolve();
        }
      }
      await noted.wait;
    }
    const batch = noted.batch();
    try {
      for (let attempt = 0; attempt <= MATCH_RETRY_DELAYS_MS.length; ) {
        if (attempt > 0) await sleep(MATCH_RETRY_DELAYS_MS[attempt - 1]);
        // A names-first request is answered with names alone (MatchingProtocol `namesFirst`), which
        // the page's date does not touch: it is read for the whole answer's request, so its query of
        // the whole page (5 ms a load in a CDP profile of the bench's 200,000-word page at load 7) is not between the page's first
        // batch and its first markers.
        const date = namesFirst && partial && (kinds.claim === true || kinds.quote === true) ? undefined : pageDate();
        const result = await withDeadline(
          request('matchBlocks', { blocks: inOrder, kinds, page: pageUrl(), ...(date ? { pageDate: date } : {}), ...batch.request, ...(partial ? { partial: true, ...(namesFirst ? { namesFirst: true } : {}) } : {}) }),
        );
        if (result.ok) {
          if (result.value.problems?.length) onProblems?.(result.value.problems);
          const matches = result.value.matches;
          if (!Array.isArray(matches) || matches.length !== blocks.length) throw new Error('the matching side answered for a different number of blocks');
          unpackEntityRefs(matches, result.value.entityRefs);
          if (!(partial && result.value.pending === true)) {
            batch.answered(matches, result.value.ends);
            return back(matches);
          }
          // Names alone, the rest still loading on the matching side: shown now, then asked for whole
          // at once (not a retry: nothing failed).
          partial = false;
          if (!isLoading) loading++;
          isLoading = true;
          early?.(back(matches));
          // The names' markers are written in a microtask that `early` queued (an idle FrameQueue); this
          // turn comes after it, so the whole answer's request (and the page's date) follows them.
          await Promise.resolve();
          continue;
        }
        if (isInvalidatedError(result.error)) throw new ContextGoneError(result.error);
        last = result.error;
        attempt++;
      }
      throw new Error(`matching failed after ${MATCH_RETRY_DELAYS_MS.length + 1} attempts: ${last}`);
    } finally {
      // Answered or not, later batches stop waiting for these blocks.
      if (isLoading) loading--;
      batch.settle();
    }
  };
}
