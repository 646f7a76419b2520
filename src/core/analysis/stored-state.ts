/**
 * The analysis state (claim-reuse.ts) in the form the store keeps beside a generation. Most of it
 * is claim drafts, and a generation's claim records hold them already (09-index.ts writes each
 * draft's article, sentence, text, type, entities, figures, places, dates and keywords, in draft
 * order): so the kept form drops the drafts and keeps per claim only what a record lacks (its
 * actor, whether it speaks of a gathering, its speech groups' keys; the clause number is in the
 * record's id), and the drafts are made again from the records when the state is read back. The
 * place words the claim step asked are kept once for the whole corpus, each with its answer, and
 * an article lists the numbers of the words it asked. Every other field of the state is kept as it
 * is. At 5,000 generated articles the state written out as JSON was 87 MB, 63.6 MB of it drafts.
 */
import type { ClaimRecord, DiffPart } from '../index/types';
import type { ClaimDraft } from './07-claims';
import type { AnalysisState, KeptClaims } from './claim-reuse';

/**
 * The version of this kept form: a state kept in another is not read (the add then analyses in
 * full). 2: the digests of claim inputs and diff keys are claim-reuse.ts's own 128-bit hash, not
 * SHA-256 (a state of 1 would match nothing and only cost its reading).
 */
export const STORED_STATE_VERSION = 2;

/** One article's kept claims without their drafts. */
export interface StoredArticleClaims {
  /** KeptClaims.inputs. */
  inputs: string;
  /** The place words it asked about, as numbers into StoredClaims.words (each once). */
  asked: Uint32Array;
  /**
   * Per claim, in the order of its records: (actor << 1) | gathering, where actor is 0 for none,
   * k + 1 for the record's entities[k], and -1 for one that is not among them (then in `actors`).
   */
  flags: Int32Array;
  /** Actors that are not among their claim's entities, by claim number. */
  actors?: [number, string][];
  /** Speech groups' keys (KeptClaims.speechKeys) of the claims that have any, by claim number. */
  speech?: [number, string[]][];
}

/** Every article's kept claims without their drafts. */
export interface StoredClaims {
  /** Every place word asked, once. */
  words: string[];
  /** Per word, 1 when it was a place when asked. */
  places: Uint8Array;
  articles: Map<string, StoredArticleClaims>;
}

/** The analysis state as the store keeps it: `claims` compact, every other field as it is. */
export type StoredAnalysisState = Omit<AnalysisState, 'claims'> & { claims: StoredClaims };

/**
 * The state to keep. An article whose kept claims cannot be put in this form (a place word
 * answered two ways, which one analysis does not do) is left out: the next add extracts its claims.
 */
export function storedState(state: AnalysisState): StoredAnalysisState {
  const words: string[] = [];
  const places: number[] = [];
  const number = new Map<string, number>();
  const articles = new Map<string, StoredArticleClaims>();
  for (const [id, kept] of state.claims) {
    const article = storedArticle(kept, words, places, number);
    if (article) articles.set(id, article);
  }
  return { ...state, claims: { words, places: Uint8Array.from(places), articles } };
}

function storedArticle(kept: KeptClaims, words: string[], places: number[], number: Map<string, number>): StoredArticleClaims | null {
  const asked = new Set<number>();
  const list = kept.asked ? kept.asked.split('\n') : [];
  for (let k = 0; k < list.length; k++) {
    const answer = kept.answers.charCodeAt(k) === 49 ? 1 : 0;
    let n = number.get(list[k]);
    if (n === undefined) {
      n = words.length;
      number.set(list[k], n);
      words.push(list[k]);
      places.push(answer);
    } else if (places[n] !== answer) return null;
    asked.add(n);
  }
  const flags = new Int32Array(kept.claims.length);
  const actors: [number, string][] = [];
  const speech: [number, string[]][] = [];
  kept.claims.forEach((c, k) => {
    let actor = 0;
    if (c.actor !== null) {
      const at = c.entities.indexOf(c.actor);
      actor = at >= 0 ? at + 1 : -1;
      if (at < 0) actors.push([k, c.actor]);
    }
    flags[k] = (actor << 1) | (c.isGathering ? 1 : 0);
    const keys = kept.speechKeys[k];
    if (keys) speech.push([k, keys]);
  });
  return { inputs: kept.inputs, asked: Uint32Array.from(asked), flags, ...(actors.length ? { actors } : {}), ...(speech.length ? { speech } : {}) };
}

/**
 * The state back from its kept form and the claim records of the generation it was kept with (in
 * index order). What is not of the kept form's shape is left out: an article's kept claims whose
 * records do not fit them (another count, a record not of its shape), a diff that is not a list of
 * parts; the next analysis then makes those again. Null when the whole is not of its shape. Fields
 * other than `claims` and `diffs` come back as they were kept (their owners check them).
 */
export function restoredState(stored: unknown, records: readonly unknown[]): AnalysisState | null {
  if (!isObject(stored) || !isObject(stored.claims) || !(stored.diffs instanceof Map)) return null;
  const { words, places, articles } = stored.claims;
  if (!Array.isArray(words) || !words.every((w) => typeof w === 'string') || !(places instanceof Uint8Array) || places.length !== words.length || !(articles instanceof Map)) return null;
  const byArticle = new Map<string, unknown[]>();
  for (const r of records) {
    const article = isObject(r) && typeof r.article === 'string' ? r.article : '';
    const list = byArticle.get(article);
    if (list) list.push(r);
    else byArticle.set(article, [r]);
  }
  const claims = new Map<string, KeptClaims>();
  for (const [id, kept] of articles as Map<unknown, unknown>) {
    if (typeof id !== 'string') continue;
    const restored = restoredArticle(id, kept, byArticle.get(id) ?? [], words as string[], places);
    if (restored) claims.set(id, restored);
  }
  const diffs = new Map<string, DiffPart[]>();
  for (const [key, diff] of stored.diffs as Map<unknown, unknown>) if (typeof key === 'string' && isDiff(diff)) diffs.set(key, diff);
  return { ...(stored as unknown as AnalysisState), claims, diffs };
}

function restoredArticle(id: string, kept: unknown, records: readonly unknown[], words: readonly string[], places: Uint8Array): KeptClaims | null {
  if (!isObject(kept) || typeof kept.inputs !== 'string' || !(kept.asked instanceof Uint32Array) || !(kept.flags instanceof Int32Array)) return null;
  const { inputs, asked, flags } = kept;
  if (flags.length !== records.length) return null;
  const actors = pairs(kept.actors, (v): v is string => typeof v === 'string');
  const speech = pairs(kept.speech, (v): v is string[] => Array.isArray(v) && v.every((k) => typeof k === 'string'));
  if (!actors || !speech) return null;
  const askedWords: string[] = [];
  let answers = '';
  for (const n of asked) {
    if (n >= words.length) return null;
    askedWords.push(words[n]);
    answers += places[n] ? '1' : '0';
  }
  const claims: ClaimDraft[] = [];
  const speechKeys: (string[] | null)[] = [];
  for (let k = 0; k < records.length; k++) {
    const r = records[k];
    if (!isClaimRecord(r, id)) return null;
    const part = clausePart(r);
    if (part === null) return null;
    const code = flags[k] >> 1;
    const actor = code === 0 ? null : code > 0 ? r.entities[code - 1] : actors.get(k);
    if (actor === undefined) return null;
    const draft: ClaimDraft = { speechGroups: [], article: r.article, sentence: r.sentence, text: r.text, type: r.type, entities: r.entities, actor, figures: r.figures, places: r.places, dates: r.dates, keywords: r.keywords, isGathering: (flags[k] & 1) === 1 };
    if (part) draft.part = part;
    claims.push(draft);
    speechKeys.push(speech.get(k) ?? null);
  }
  return { inputs, asked: askedWords.join('\n'), answers, claims, speechKeys };
}

/** A list of [claim number, value] pairs as a map, or null when it is not one; absent: an empty map. */
function pairs<T>(value: unknown, isValue: (v: unknown) => v is T): Map<number, T> | null {
  const out = new Map<number, T>();
  if (value === undefined) return out;
  if (!Array.isArray(value)) return null;
  for (const pair of value) {
    if (!Array.isArray(pair) || !Number.isInteger(pair[0]) || !isValue(pair[1])) return null;
    out.set(pair[0] as number, pair[1]);
  }
  return out;
}

/** The clause number a claim record's id carries ("<article>#c<sentence>.<part>"), 0 for a whole sentence, null for an id of neither form. */
function clausePart(r: ClaimRecord): number | null {
  const base = `${r.article}#c${r.sentence}`;
  if (r.id === base) return 0;
  if (!r.id.startsWith(`${base}.`)) return null;
  const part = Number(r.id.slice(base.length + 1));
  return Number.isInteger(part) && part > 0 ? part : null;
}

const CLAIM_LISTS = ['entities', 'figures', 'places', 'dates', 'keywords'] as const;

/** Whether `r` has the fields of a claim record of `article` that a draft is made from. */
function isClaimRecord(r: unknown, article: string): r is ClaimRecord {
  if (!isObject(r) || r.article !== article || typeof r.id !== 'string' || !Number.isInteger(r.sentence) || typeof r.text !== 'string' || typeof r.type !== 'string') return false;
  return CLAIM_LISTS.every((f) => Array.isArray(r[f]));
}

const DIFF_OPS: ReadonlySet<unknown> = new Set(['same', 'added', 'removed']);

function isDiff(value: unknown): value is DiffPart[] {
  return Array.isArray(value) && value.every((p) => isObject(p) && DIFF_OPS.has(p.op) && typeof p.text === 'string');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
