/**
 * Validates a parsed index.json before anything uses it. Errors name the exact field path and
 * the reason, e.g. `index.entities[3].coverage[0].mentions[2].start: expected a non-negative integer`.
 * Checks shape, offsets against the article text, and that every id referred to exists.
 */
import type { CorpusIndex, DifferenceKind } from './types';
import { SCHEMA_VERSION } from './types';

type Obj = Record<string, unknown>;

class IndexError extends Error {}

function fail(path: string, reason: string): never {
  throw new IndexError(`${path}: ${reason}`);
}

function obj(v: unknown, path: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(path, 'expected an object');
  return v as Obj;
}

function arr(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) fail(path, 'expected an array');
  return v;
}

function str(v: unknown, path: string, allowEmpty = true): string {
  if (typeof v !== 'string') fail(path, 'expected a string');
  if (!allowEmpty && v === '') fail(path, 'expected a non-empty string');
  return v;
}

function nat(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) fail(path, 'expected a non-negative integer');
  return v;
}

function num(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(path, 'expected a finite number');
  return v;
}

function strOrNull(v: unknown, path: string): string | null {
  if (v !== null && typeof v !== 'string') fail(path, 'expected a string or null');
  return v;
}

function oneOf<T extends string>(v: unknown, options: readonly T[], path: string): T {
  if (typeof v !== 'string' || !(options as readonly string[]).includes(v)) fail(path, `expected one of ${options.map((o) => JSON.stringify(o)).join(', ')}`);
  return v as T;
}

function span(v: unknown, path: string, textLength: number | null): void {
  const o = obj(v, path);
  const start = nat(o.start, `${path}.start`);
  const end = nat(o.end, `${path}.end`);
  if (end < start) fail(`${path}.end`, `expected end >= start (${start})`);
  if (textLength !== null && end > textLength) fail(`${path}.end`, `offset ${end} is past the end of the article text (${textLength})`);
}

function ref(v: unknown, known: { has(id: string): boolean }, path: string, what: string): string {
  const s = str(v, path, false);
  if (!known.has(s)) fail(path, `unknown ${what} id ${JSON.stringify(s)}`);
  return s;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Every kind of difference (DifferenceKind), for a claim group's differences. */
const DIFFERENCE_KINDS = ['contradiction', 'more-precise', 'less-precise', 'place-within', 'place-around', 'more-certain', 'less-certain', 'negation', 'scope', 'quote-cut', 'quote-varied', 'quote-other'] as const satisfies readonly DifferenceKind[];

/** Checks `json` against the CorpusIndex schema and returns it typed; throws naming the bad field. */
export function validateIndex(json: unknown): CorpusIndex {
  const root = obj(json, 'index');
  const v = new IndexValidator();
  v.schemaVersion(root.schemaVersion);
  arr(root.articles, 'index.articles').forEach((a, i) => v.article(a, i));
  // Every id first, so a reference to a record further down the file is known when it is checked.
  const entities = arr(root.entities, 'index.entities');
  entities.forEach((e, i) => v.ids.entity.add(str(obj(e, `index.entities[${i}]`).id, `index.entities[${i}].id`, false)));
  const quotes = arr(root.quotes, 'index.quotes');
  quotes.forEach((q, i) => v.ids.quote.add(str(obj(q, `index.quotes[${i}]`).id, `index.quotes[${i}].id`, false)));
  const quoteGroups = arr(root.quoteGroups, 'index.quoteGroups');
  quoteGroups.forEach((g, i) => v.ids['quote group'].add(str(obj(g, `index.quoteGroups[${i}]`).id, `index.quoteGroups[${i}].id`, false)));
  const claims = arr(root.claims, 'index.claims');
  claims.forEach((c, i) => v.ids.claim.add(str(obj(c, `index.claims[${i}]`).id, `index.claims[${i}].id`, false)));
  const claimGroups = arr(root.claimGroups, 'index.claimGroups');
  claimGroups.forEach((g, i) => v.ids['claim group'].add(str(obj(g, `index.claimGroups[${i}]`).id, `index.claimGroups[${i}].id`, false)));
  entities.forEach((e, i) => v.entity(e, i));
  arr(root.ambiguous, 'index.ambiguous').forEach((a, i) => v.ambiguous(a, i));
  quotes.forEach((q, i) => v.quote(q, i));
  quoteGroups.forEach((g, i) => v.quoteGroup(g, i));
  claims.forEach((c, i) => v.claim(c, i));
  claimGroups.forEach((g, i) => v.claimGroup(g, i));
  v.finish();
  return json as CorpusIndex;
}

type RefKind = 'article' | 'entity' | 'quote' | 'quote group' | 'claim' | 'claim group';

/**
 * The checks of validateIndex record by record, for an index read or written one record at a time
 * (`validateIndexStream`): sections in file order, each record checked when it comes. A reference
 * to an id not seen yet (the file names quote groups after the quotes in them) waits until `finish`,
 * which fails on the first one still unknown, with the same message validateIndex gives.
 */
export class IndexValidator {
  /** Ids seen so far, per kind of record. */
  readonly ids: Record<Exclude<RefKind, 'article'>, Set<string>> = {
    entity: new Set(),
    quote: new Set(),
    'quote group': new Set(),
    claim: new Set(),
    'claim group': new Set(),
  };
  private readonly textLength = new Map<string, number>();
  private readonly sentenceCount = new Map<string, number>();
  /** References to ids not seen yet: kind → id → path of the first reference. */
  private readonly pending = new Map<RefKind, Map<string, string>>();

  /** Checks the schema version. */
  schemaVersion(version: unknown): void {
    if (version !== SCHEMA_VERSION) {
      fail('index.schemaVersion', `expected schema version ${SCHEMA_VERSION}, found ${JSON.stringify(version)}; rebuild the index with \`npm run build:index\` (or \`npm run corpus\`) from this version of the code`);
    }
  }

  private known(kind: RefKind): { has(id: string): boolean } {
    return kind === 'article' ? this.textLength : this.ids[kind];
  }

  /** A reference to a record of `kind`; an id not seen yet is checked at `finish`. */
  private refer(v: unknown, kind: RefKind, path: string): string {
    const s = str(v, path, false);
    if (this.known(kind).has(s)) return s;
    let waiting = this.pending.get(kind);
    if (!waiting) this.pending.set(kind, (waiting = new Map()));
    if (!waiting.has(s)) waiting.set(s, path);
    return s;
  }

  /** A reference to an article: articles come first, so an unknown one is wrong at once. */
  private articleRef(v: unknown, path: string): string {
    return ref(v, this.textLength, path, 'article');
  }

  private sentenceOf(article: string, v: unknown, path: string): void {
    const n = nat(v, path);
    if (n >= (this.sentenceCount.get(article) ?? 0)) fail(path, `sentence ${n} does not exist in article ${JSON.stringify(article)}`);
  }

  /** Checks `index.articles[i]`. */
  article(a: unknown, i: number): void {
    const p = `index.articles[${i}]`;
    const o = obj(a, p);
    const id = str(o.id, `${p}.id`, false);
    if (this.textLength.has(id)) fail(`${p}.id`, `duplicate article id ${JSON.stringify(id)}`);
    for (const k of ['outlet', 'headline', 'url'] as const) str(o[k], `${p}.${k}`);
    const date = str(o.date, `${p}.date`);
    if (date !== 'unknown' && !DATE.test(date)) fail(`${p}.date`, 'expected an ISO date YYYY-MM-DD or "unknown"');
    const text = str(o.text, `${p}.text`);
    this.textLength.set(id, text.length);
    arr(o.paragraphs, `${p}.paragraphs`).forEach((s, k) => span(s, `${p}.paragraphs[${k}]`, text.length));
    const sentences = arr(o.sentences, `${p}.sentences`);
    sentences.forEach((s, k) => span(s, `${p}.sentences[${k}]`, text.length));
    this.sentenceCount.set(id, sentences.length);
    arr(o.furniture, `${p}.furniture`).forEach((f, k) => {
      const fo = obj(f, `${p}.furniture[${k}]`);
      str(fo.text, `${p}.furniture[${k}].text`);
      str(fo.reason, `${p}.furniture[${k}].reason`, false);
      nat(fo.line, `${p}.furniture[${k}].line`);
    });
    nat(o.wordCount, `${p}.wordCount`);
  }

  /** Checks `index.entities[i]` (and notes its id). */
  entity(e: unknown, i: number): void {
    const p = `index.entities[${i}]`;
    const o = obj(e, p);
    this.ids.entity.add(str(o.id, `${p}.id`, false));
    oneOf(o.kind, ['person', 'organisation'] as const, `${p}.kind`);
    str(o.name, `${p}.name`, false);
    arr(o.aliases, `${p}.aliases`).forEach((a, k) => str(a, `${p}.aliases[${k}]`, false));
    arr(o.coverage, `${p}.coverage`).forEach((c, k) => {
      const cp = `${p}.coverage[${k}]`;
      const co = obj(c, cp);
      const article = this.articleRef(co.article, `${cp}.article`);
      arr(co.mentions, `${cp}.mentions`).forEach((m, j) => {
        const mp = `${cp}.mentions[${j}]`;
        span(m, mp, this.textLength.get(article)!);
        const mo = m as Obj;
        this.sentenceOf(article, mo.sentence, `${mp}.sentence`);
        str(mo.surface, `${mp}.surface`, false);
      });
      arr(co.descriptors, `${cp}.descriptors`).forEach((d, j) => {
        const dp = `${cp}.descriptors[${j}]`;
        const dobj = obj(d, dp);
        str(dobj.text, `${dp}.text`, false);
        this.sentenceOf(article, dobj.sentence, `${dp}.sentence`);
      });
      arr(co.quotes, `${cp}.quotes`).forEach((q, j) => this.refer(q, 'quote', `${cp}.quotes[${j}]`));
    });
    arr(o.related, `${p}.related`).forEach((r, k) => {
      const rp = `${p}.related[${k}]`;
      const ro = obj(r, rp);
      this.refer(ro.entity, 'entity', `${rp}.entity`);
      arr(ro.articles, `${rp}.articles`).forEach((a, j) => this.articleRef(a, `${rp}.articles[${j}]`));
    });
  }

  /** Checks `index.ambiguous[i]`. */
  ambiguous(a: unknown, i: number): void {
    const p = `index.ambiguous[${i}]`;
    const o = obj(a, p);
    str(o.alias, `${p}.alias`, false);
    const ids = arr(o.entities, `${p}.entities`);
    if (ids.length < 2) fail(`${p}.entities`, 'expected at least two entities for an ambiguous alias');
    ids.forEach((e, k) => ref(e, this.ids.entity, `${p}.entities[${k}]`, 'entity'));
  }

  /** Checks `index.quotes[i]` (and notes its id). */
  quote(q: unknown, i: number): void {
    const p = `index.quotes[${i}]`;
    const o = obj(q, p);
    this.ids.quote.add(str(o.id, `${p}.id`, false));
    const article = this.articleRef(o.article, `${p}.article`);
    if (o.speaker !== null) ref(o.speaker, this.ids.entity, `${p}.speaker`, 'entity');
    strOrNull(o.speakerText, `${p}.speakerText`);
    str(o.text, `${p}.text`, false);
    arr(o.spans, `${p}.spans`).forEach((s, k) => span(s, `${p}.spans[${k}]`, this.textLength.get(article)!));
    arr(o.sentences, `${p}.sentences`).forEach((s, k) => this.sentenceOf(article, s, `${p}.sentences[${k}]`));
    oneOf(o.tense, ['past', 'present', 'future'] as const, `${p}.tense`);
    this.refer(o.group, 'quote group', `${p}.group`);
  }

  /** Checks `index.quoteGroups[i]` (and notes its id). */
  quoteGroup(g: unknown, i: number): void {
    const p = `index.quoteGroups[${i}]`;
    const o = obj(g, p);
    this.ids['quote group'].add(str(o.id, `${p}.id`, false));
    if (o.speaker !== null) ref(o.speaker, this.ids.entity, `${p}.speaker`, 'entity');
    ref(o.reference, this.ids.quote, `${p}.reference`, 'quote');
    const members = arr(o.members, `${p}.members`);
    if (!members.length) fail(`${p}.members`, 'expected at least one member');
    members.forEach((m, k) => {
      const mp = `${p}.members[${k}]`;
      const mo = obj(m, mp);
      ref(mo.quote, this.ids.quote, `${mp}.quote`, 'quote');
      this.articleRef(mo.article, `${mp}.article`);
      oneOf(mo.relation, ['same-quote', 'variant-quote'] as const, `${mp}.relation`);
      arr(mo.diff, `${mp}.diff`).forEach((d, j) => {
        const dobj = obj(d, `${mp}.diff[${j}]`);
        oneOf(dobj.op, ['same', 'added', 'removed'] as const, `${mp}.diff[${j}].op`);
        str(dobj.text, `${mp}.diff[${j}].text`);
      });
    });
  }

  /** Checks `index.claims[i]` (and notes its id). */
  claim(c: unknown, i: number): void {
    const p = `index.claims[${i}]`;
    const o = obj(c, p);
    this.ids.claim.add(str(o.id, `${p}.id`, false));
    const article = this.articleRef(o.article, `${p}.article`);
    this.sentenceOf(article, o.sentence, `${p}.sentence`);
    str(o.text, `${p}.text`, false);
    oneOf(o.type, ['figure', 'event', 'attribution', 'statement', 'quoted'] as const, `${p}.type`);
    arr(o.entities, `${p}.entities`).forEach((e, k) => ref(e, this.ids.entity, `${p}.entities[${k}]`, 'entity'));
    arr(o.figures, `${p}.figures`).forEach((f, k) => {
      const fp = `${p}.figures[${k}]`;
      const fo = obj(f, fp);
      str(fo.text, `${fp}.text`, false);
      num(fo.value, `${fp}.value`);
      oneOf(fo.qualifier, ['exact', 'more-than', 'less-than', 'at-least', 'at-most', 'up-to', 'about'] as const, `${fp}.qualifier`);
      strOrNull(fo.unit, `${fp}.unit`);
      span(fo.span, `${fp}.span`, this.textLength.get(article)!);
    });
    for (const k of ['places', 'dates', 'keywords'] as const) arr(o[k], `${p}.${k}`).forEach((s, j) => str(s, `${p}.${k}[${j}]`, false));
    this.refer(o.group, 'claim group', `${p}.group`);
  }

  /** Checks `index.claimGroups[i]` (and notes its id). */
  claimGroup(g: unknown, i: number): void {
    const p = `index.claimGroups[${i}]`;
    const o = obj(g, p);
    this.ids['claim group'].add(str(o.id, `${p}.id`, false));
    str(o.topic, `${p}.topic`);
    ref(o.reference, this.ids.claim, `${p}.reference`, 'claim');
    const members = arr(o.members, `${p}.members`);
    if (!members.length) fail(`${p}.members`, 'expected at least one member');
    members.forEach((m, k) => {
      const mp = `${p}.members[${k}]`;
      const mo = obj(m, mp);
      ref(mo.claim, this.ids.claim, `${mp}.claim`, 'claim');
      this.articleRef(mo.article, `${mp}.article`);
      oneOf(mo.relation, ['agrees', 'differs', 'adds'] as const, `${mp}.relation`);
      arr(mo.values, `${mp}.values`).forEach((v, j) => str(v, `${mp}.values[${j}]`));
    });
    arr(o.differences, `${p}.differences`).forEach((d, k) => {
      const dp = `${p}.differences[${k}]`;
      const dobj = obj(d, dp);
      oneOf(dobj.attribute, ['figure', 'place', 'date', 'wording'] as const, `${dp}.attribute`);
      if (dobj.kind !== undefined) oneOf(dobj.kind, DIFFERENCE_KINDS, `${dp}.kind`);
      if (dobj.basis !== undefined) oneOf(dobj.basis, ['text', 'gazetteer'] as const, `${dp}.basis`);
      arr(dobj.values, `${dp}.values`).forEach((v, j) => {
        const vp = `${dp}.values[${j}]`;
        const vo = obj(v, vp);
        this.articleRef(vo.article, `${vp}.article`);
        ref(vo.claim, this.ids.claim, `${vp}.claim`, 'claim');
        str(vo.value, `${vp}.value`);
      });
    });
  }

  /** Fails on the first reference whose record never came. */
  finish(): void {
    for (const [kind, waiting] of this.pending) {
      for (const [id, path] of waiting) if (!this.known(kind).has(id)) fail(path, `unknown ${kind} id ${JSON.stringify(id)}`);
    }
    this.pending.clear();
  }
}

/** An index as sections of records (IndexStream's shape, any iterables). */
export type IndexSections = { schemaVersion: unknown } & { [K in Exclude<keyof CorpusIndex, 'schemaVersion'>]: Iterable<unknown> };

/**
 * validateIndex for an index read or written one record at a time: the same sections, each record
 * checked as it passes (sections must be read in order, once). `finish` runs when the last section
 * has been read, so an index whose claim groups end early still fails.
 */
export function validateIndexStream<T extends IndexSections>(index: T): T {
  const v = new IndexValidator();
  v.schemaVersion(index.schemaVersion);
  const sections = ['articles', 'entities', 'ambiguous', 'quotes', 'quoteGroups', 'claims', 'claimGroups'] as const;
  for (const key of sections) {
    const records = index[key] as unknown;
    if (typeof records !== 'object' || records === null || typeof (records as Iterable<unknown>)[Symbol.iterator] !== 'function') fail(`index.${key}`, 'expected an array');
  }
  function* checked<R>(records: Iterable<R>, check: (r: R, i: number) => void, last = false): Generator<R> {
    let i = 0;
    for (const r of records) {
      check(r, i++);
      yield r;
    }
    if (last) v.finish();
  }
  return {
    ...index,
    articles: checked(index.articles, (r, i) => v.article(r, i)),
    entities: checked(index.entities, (r, i) => v.entity(r, i)),
    ambiguous: checked(index.ambiguous, (r, i) => v.ambiguous(r, i)),
    quotes: checked(index.quotes, (r, i) => v.quote(r, i)),
    quoteGroups: checked(index.quoteGroups, (r, i) => v.quoteGroup(r, i)),
    claims: checked(index.claims, (r, i) => v.claim(r, i)),
    claimGroups: checked(index.claimGroups, (r, i) => v.claimGroup(r, i), true),
  };
}
