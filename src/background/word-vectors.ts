/**
 * The word vectors of the claim re-ranker, on the matching side. They are a packaged file
 * (src/generated/word-vectors.bin, 2.2 MB, written by scripts/pack-vectors.ts), not part of the
 * background's script. The first match request starts the fetch and the matching side waits for
 * it (handlers.ts): matching without them loses the paraphrase links the re-ranker was fitted with,
 * so a cold start's first batch marked less than the same page warm, and less than `lookup` (the
 * e2e parity and fault tests caught it). Measured (2026-12-06, a 2-core machine at load average
 * ~22): fetching the file from the package took 170–210 ms in Chromium and 14–360 ms in Firefox,
 * decoding it 6–12 ms in Node; that wait is part of a cold start. Matchers built before the vectors
 * arrive (a corpus source used without the matching side) are rebuilt once they have.
 */
import vectorsUrl from '../generated/word-vectors.bin?url';
import { loadWordVectorsBinary, type WordVectors } from '../core/lang/vectors';

let pending: Promise<WordVectors | null> | null = null;
let ready: WordVectors | null = null;

/**
 * The vectors, loaded on first call. When the file cannot be read the matcher runs without them
 * (the failure is logged once), so matching never stops for it.
 */
export function matchingVectors(): Promise<WordVectors | null> {
  pending ??= fetch(vectorsUrl)
    .then((r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return r.arrayBuffer();
    })
    .then((buffer) => (ready = loadWordVectorsBinary(new Uint8Array(buffer))))
    .catch((error: unknown) => {
      console.warn(`Coverage Lens: word vectors not loaded (${error instanceof Error ? error.message : String(error)}); claims match on identical words only`);
      return null;
    });
  return pending;
}

/** The vectors if they have arrived, else null; starts loading them on first call. */
export function vectorsNow(): WordVectors | null {
  void matchingVectors();
  return ready;
}

/**
 * A matcher built from `build(vectors)` that is rebuilt once when the vectors arrive after it was
 * built without them (the corpus sources keep one per corpus).
 */
export class VectorAwareMatcher<M> {
  private built: M | null = null;
  private withVectors = false;

  constructor(private readonly vectors: () => WordVectors | null = vectorsNow) {}

  /** The matcher, built or rebuilt by `build` as the vectors allow. */
  get(build: (vectors: WordVectors | null) => M): M {
    const v = this.vectors();
    if (this.built === null || (!this.withVectors && v !== null)) {
      this.built = build(v);
      this.withVectors = v !== null;
    }
    return this.built;
  }
}
