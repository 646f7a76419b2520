/**
 * An entity's refs cross to the page once per `matchBlocks` reply, not once per detection. Every
 * detection of one entity carries the same refs (one per article, at most 50: wire-match.ts), and
 * Chrome's extension messaging serialises a reply as JSON, so a name-dense page repeated them on
 * every name: measured on a generated 20,000-word page against 5,000 articles, a 20k-word scan's
 * replies came to 846,621 characters, and names-only matching cost 1.9 ms per 1,000 words in the
 * browser against 0.25 in Node. The matching side packs them into a table; the page puts them back
 * (the same array on every detection) before anything reads them.
 *
 * In the table an entity's refs go as columns (article ids, sentence numbers, and one relation and
 * score when all share them, as entity refs do), not one object each: measured in Node on the same
 * page against 500 articles, a names-only reply's JSON round trip (serialise + parse) cost 0.10 ms
 * per 1,000 words with objects and 0.036 as columns (217 KB of replies against 81 KB).
 */
import type { CoverageRef } from '../core/index/types';
import type { CorpusMatch, EntityRefsTable, PackedRefs } from './protocol';

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

/** Refs as columns, or null when a ref carries more than article, sentence, relation and score (it then stays inline). */
function packRefs(refs: readonly CoverageRef[]): PackedRefs | null {
  const article: string[] = [];
  const sentence: number[] = [];
  let sameRelation = true;
  let sameScore = true;
  for (const r of refs) {
    if (r.values !== undefined || r.kind !== undefined || r.differences !== undefined) return null;
    article.push(r.article);
    sentence.push(r.sentence);
    sameRelation &&= r.relation === refs[0].relation;
    sameScore &&= r.score === refs[0].score;
  }
  return {
    article,
    sentence,
    relation: sameRelation ? refs[0].relation : refs.map((r) => r.relation),
    score: sameScore ? refs[0].score : refs.map((r) => r.score),
  };
}

/** Refs back from columns; a malformed entry (a bad reply) gives none. */
function unpackRefs(packed: PackedRefs | undefined): CoverageRef[] {
  if (!packed || !Array.isArray(packed.article) || !Array.isArray(packed.sentence)) return [];
  const { article, sentence, relation, score } = packed;
  const out: CoverageRef[] = [];
  for (let i = 0; i < article.length; i++) {
    out.push({
      article: article[i],
      sentence: sentence[i],
      relation: Array.isArray(relation) ? relation[i] : relation,
      score: Array.isArray(score) ? score[i] : score,
    });
  }
  return out;
}

/**
 * Moves entity refs out of `matches` into a table (matches are the caller's own objects and are
 * changed in place: a moved match's `refs` becomes empty and `sharedRefs` true). A detection whose
 * refs differ from its entity's first detection in this reply keeps its own inline.
 */
export function packEntityRefs(matches: CorpusMatch[][]): EntityRefsTable | undefined {
  let table: EntityRefsTable | undefined;
  // The refs each key's entry was packed from (the table holds columns).
  const packedFrom = new Map<string, readonly CoverageRef[] | null>();
  for (const list of matches) {
    for (const m of list) {
      if (!isEntity(m) || m.refs.length === 0) continue;
      const key = entityRefsKey(m.corpus, m.id);
      let first = packedFrom.get(key);
      if (first === undefined) {
        const packed = packRefs(m.refs);
        first = packed ? m.refs : null;
        packedFrom.set(key, first);
        if (packed) (table ??= {})[key] = packed;
      }
      if (first === null || !sameRefs(first, m.refs)) continue;
      m.refs = [];
      m.sharedRefs = true;
    }
  }
  return table;
}

/**
 * Puts packed entity refs back (one array per entity, shared by its detections, which nothing on the
 * page changes in place). A match whose key is missing from the table keeps no refs, as a bad reply
 * cannot name articles it did not send.
 */
export function unpackEntityRefs(matches: CorpusMatch[][], table: EntityRefsTable | undefined): void {
  let unpacked: Map<string, CoverageRef[]> | undefined;
  for (const list of matches) {
    for (const m of list) {
      if (!m.sharedRefs) continue;
      const key = entityRefsKey(m.corpus, m.id);
      unpacked ??= new Map();
      let refs = unpacked.get(key);
      if (refs === undefined) {
        refs = unpackRefs(table && Object.hasOwn(table, key) ? table[key] : undefined);
        unpacked.set(key, refs);
      }
      m.refs = refs;
      delete m.sharedRefs;
    }
  }
}
