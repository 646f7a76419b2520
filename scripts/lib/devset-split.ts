/**
 * The fixed held-back split of the dev set: which items are held back, decided by id and seed only
 * (see scripts/split-devset.ts, which writes the two files, and tests/fixtures/devset/README.md).
 */
import type { DevItem } from './claim-eval';

/** Fixed seed of the split: changing it would leak held-back items into the dev split. */
export const SPLIT_SEED = 'coverage-lens/devset/2026-12';
/** Share of the eligible (hard-kind) items held back: 40%, so each kind keeps items on both sides. */
export const HELD_BACK_SHARE = 0.4;

/**
 * FNV-1a, 32 bits, then murmur3's final mix: a stable, dependency-free hash of a string. The mix
 * matters: plain FNV-1a leaves the high bits nearly equal for ids that differ only at the end.
 */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** True when the item belongs to the held-back split. */
export function isHeldBack(item: Pick<DevItem, 'id' | 'hard'>): boolean {
  return item.hard !== undefined && hash(`${SPLIT_SEED}:${item.id}`) / 2 ** 32 < HELD_BACK_SHARE;
}
