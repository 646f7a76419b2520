/**
 * An entity's refs cross to the page once per `matchBlocks` reply, not once per detection. Every
 * detection of one entity carries the same refs (one per article, at most 50: wire-match.ts), and
 * Chrome's extension messaging serialises a reply as JSON, so a name-dense page repeated them on
 * every name: measured on a generated 20,000-word page against 5,000 articles, a 20k-word scan's
 * replies came to 846,621 characters, and names-only matching cost 1.9 ms per 1,000 words in the
 * browser against 0.25 in Node. The matching side packs them into a table; the page puts them back
 * (the same array on every detection) before anything reads them.
 */
import type { CoverageRef } from '../core/index/types';
import type { CorpusMatch, EntityRefsTable } from './protocol';

/** Whether a match is of a person or an organisation (the kinds whose refs are shared). */
function isEntity(m: CorpusMatch): boolean {
  return m.kind === 'person' || m.kind === 'organisation';
}

/** The table key of an entity in a corpus. */
export function entityRefsKey(corpus: string, id: string): string {
  return `${corpus}\u0000${id}`;
}

function sameRefs(a: readonly CoverageRef[], b: readonly CoverageRef[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].article !== b[i].article || a[i].sentence !== b[i].sentence || a[i].score !== b[i].score || a[i].relation !== b[i].relation) return false;
  return true;
}

/**
 * Moves entity refs out of `matches` into a table (matches are the caller's own objects and are
 * changed in place: a moved match's `refs` becomes empty and `sharedRefs` true). A detection whose
 * refs differ from its entity's first detection in this reply keeps its own inline.
 */
export function packEntityRefs(matches: CorpusMatch[][]): EntityRefsTable | undefined {
  let table: EntityRefsTable | undefined;
  for (const list of matches) {
    for (const m of list) {
      if (!isEntity(m) || m.refs.length === 0) continue;
      table ??= {};
      const key = entityRefsKey(m.corpus, m.id);
      const first = table[key];
      if (first === undefined) table[key] = m.refs;
      else if (!sameRefs(first, m.refs)) continue;
      m.refs = [];
      m.sharedRefs = true;
    }
  }
  return table;
}

/**
 * Puts packed entity refs back (the table's array itself, shared by the entity's detections, which
 * nothing on the page changes in place). A match whose key is missing from the table keeps no refs,
 * as a bad reply cannot name articles it did not send.
 */
export function unpackEntityRefs(matches: CorpusMatch[][], table: EntityRefsTable | undefined): void {
  for (const list of matches) {
    for (const m of list) {
      if (!m.sharedRefs) continue;
      const refs = table?.[entityRefsKey(m.corpus, m.id)];
      m.refs = Array.isArray(refs) ? refs : [];
      delete m.sharedRefs;
    }
  }
}
