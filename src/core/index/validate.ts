/**
 * Validates a parsed index.json before anything uses it. Errors name the exact field path and
 * the reason, e.g. `index.entities[3].coverage[0].mentions[2].start: expected a non-negative integer`.
 * Checks shape, offsets against the article text, and that every id referred to exists.
 */
import type { CorpusIndex } from './types';
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

function ref(v: unknown, known: Set<string>, path: string, what: string): string {
  const s = str(v, path, false);
  if (!known.has(s)) fail(path, `unknown ${what} id ${JSON.stringify(s)}`);
  return s;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks `json` against the CorpusIndex schema and returns it typed; throws naming the bad field. */
export function validateIndex(json: unknown): CorpusIndex {
  const root = obj(json, 'index');
  if (root.schemaVersion !== SCHEMA_VERSION) {
    fail('index.schemaVersion', `expected schema version ${SCHEMA_VERSION}, found ${JSON.stringify(root.schemaVersion)}; rebuild the index with \`npm run build:index\` (or \`npm run corpus\`) from this version of the code`);
  }
  const textLength = new Map<string, number>();
  const sentenceCount = new Map<string, number>();
  arr(root.articles, 'index.articles').forEach((a, i) => {
    const p = `index.articles[${i}]`;
    const o = obj(a, p);
    const id = str(o.id, `${p}.id`, false);
    if (textLength.has(id)) fail(`${p}.id`, `duplicate article id ${JSON.stringify(id)}`);
    for (const k of ['outlet', 'headline', 'url'] as const) str(o[k], `${p}.${k}`);
    const date = str(o.date, `${p}.date`);
    if (date !== 'unknown' && !DATE.test(date)) fail(`${p}.date`, 'expected an ISO date YYYY-MM-DD or "unknown"');
    const text = str(o.text, `${p}.text`);
    textLength.set(id, text.length);
    arr(o.paragraphs, `${p}.paragraphs`).forEach((s, k) => span(s, `${p}.paragraphs[${k}]`, text.length));
    const sentences = arr(o.sentences, `${p}.sentences`);
    sentences.forEach((s, k) => span(s, `${p}.sentences[${k}]`, text.length));
    sentenceCount.set(id, sentences.length);
    arr(o.furniture, `${p}.furniture`).forEach((f, k) => {
      const fo = obj(f, `${p}.furniture[${k}]`);
      str(fo.text, `${p}.furniture[${k}].text`);
      str(fo.reason, `${p}.furniture[${k}].reason`, false);
      nat(fo.line, `${p}.furniture[${k}].line`);
    });
    nat(o.wordCount, `${p}.wordCount`);
  });
  const articleIds = new Set(textLength.keys());
  const sentenceOf = (article: string, v: unknown, path: string) => {
    const n = nat(v, path);
    if (n >= (sentenceCount.get(article) ?? 0)) fail(path, `sentence ${n} does not exist in article ${JSON.stringify(article)}`);
  };

  const entityIds = new Set<string>();
  const quoteIds = new Set<string>();
  const quoteGroupIds = new Set<string>();
  const claimIds = new Set<string>();
  const claimGroupIds = new Set<string>();
  const entities = arr(root.entities, 'index.entities');
  entities.forEach((e, i) => entityIds.add(str(obj(e, `index.entities[${i}]`).id, `index.entities[${i}].id`, false)));
  const quotes = arr(root.quotes, 'index.quotes');
  quotes.forEach((q, i) => quoteIds.add(str(obj(q, `index.quotes[${i}]`).id, `index.quotes[${i}].id`, false)));
  const quoteGroups = arr(root.quoteGroups, 'index.quoteGroups');
  quoteGroups.forEach((g, i) => quoteGroupIds.add(str(obj(g, `index.quoteGroups[${i}]`).id, `index.quoteGroups[${i}].id`, false)));
  const claims = arr(root.claims, 'index.claims');
  claims.forEach((c, i) => claimIds.add(str(obj(c, `index.claims[${i}]`).id, `index.claims[${i}].id`, false)));
  const claimGroups = arr(root.claimGroups, 'index.claimGroups');
  claimGroups.forEach((g, i) => claimGroupIds.add(str(obj(g, `index.claimGroups[${i}]`).id, `index.claimGroups[${i}].id`, false)));

  entities.forEach((e, i) => {
    const p = `index.entities[${i}]`;
    const o = obj(e, p);
    oneOf(o.kind, ['person', 'organisation'] as const, `${p}.kind`);
    str(o.name, `${p}.name`, false);
    arr(o.aliases, `${p}.aliases`).forEach((a, k) => str(a, `${p}.aliases[${k}]`, false));
    arr(o.coverage, `${p}.coverage`).forEach((c, k) => {
      const cp = `${p}.coverage[${k}]`;
      const co = obj(c, cp);
      const article = ref(co.article, articleIds, `${cp}.article`, 'article');
      arr(co.mentions, `${cp}.mentions`).forEach((m, j) => {
        const mp = `${cp}.mentions[${j}]`;
        span(m, mp, textLength.get(article)!);
        const mo = m as Obj;
        sentenceOf(article, mo.sentence, `${mp}.sentence`);
        str(mo.surface, `${mp}.surface`, false);
      });
      arr(co.descriptors, `${cp}.descriptors`).forEach((d, j) => {
        const dp = `${cp}.descriptors[${j}]`;
        const dobj = obj(d, dp);
        str(dobj.text, `${dp}.text`, false);
        sentenceOf(article, dobj.sentence, `${dp}.sentence`);
      });
      arr(co.quotes, `${cp}.quotes`).forEach((q, j) => ref(q, quoteIds, `${cp}.quotes[${j}]`, 'quote'));
    });
    arr(o.related, `${p}.related`).forEach((r, k) => {
      const rp = `${p}.related[${k}]`;
      const ro = obj(r, rp);
      ref(ro.entity, entityIds, `${rp}.entity`, 'entity');
      arr(ro.articles, `${rp}.articles`).forEach((a, j) => ref(a, articleIds, `${rp}.articles[${j}]`, 'article'));
    });
  });

  arr(root.ambiguous, 'index.ambiguous').forEach((a, i) => {
    const p = `index.ambiguous[${i}]`;
    const o = obj(a, p);
    str(o.alias, `${p}.alias`, false);
    const ids = arr(o.entities, `${p}.entities`);
    if (ids.length < 2) fail(`${p}.entities`, 'expected at least two entities for an ambiguous alias');
    ids.forEach((e, k) => ref(e, entityIds, `${p}.entities[${k}]`, 'entity'));
  });

  quotes.forEach((q, i) => {
    const p = `index.quotes[${i}]`;
    const o = q as Obj;
    const article = ref(o.article, articleIds, `${p}.article`, 'article');
    if (o.speaker !== null) ref(o.speaker, entityIds, `${p}.speaker`, 'entity');
    strOrNull(o.speakerText, `${p}.speakerText`);
    str(o.text, `${p}.text`, false);
    arr(o.spans, `${p}.spans`).forEach((s, k) => span(s, `${p}.spans[${k}]`, textLength.get(article)!));
    arr(o.sentences, `${p}.sentences`).forEach((s, k) => sentenceOf(article, s, `${p}.sentences[${k}]`));
    oneOf(o.tense, ['past', 'present', 'future'] as const, `${p}.tense`);
    ref(o.group, quoteGroupIds, `${p}.group`, 'quote group');
  });

  quoteGroups.forEach((g, i) => {
    const p = `index.quoteGroups[${i}]`;
    const o = g as Obj;
    if (o.speaker !== null) ref(o.speaker, entityIds, `${p}.speaker`, 'entity');
    ref(o.reference, quoteIds, `${p}.reference`, 'quote');
    const members = arr(o.members, `${p}.members`);
    if (!members.length) fail(`${p}.members`, 'expected at least one member');
    members.forEach((m, k) => {
      const mp = `${p}.members[${k}]`;
      const mo = obj(m, mp);
      ref(mo.quote, quoteIds, `${mp}.quote`, 'quote');
      ref(mo.article, articleIds, `${mp}.article`, 'article');
      oneOf(mo.relation, ['same-quote', 'variant-quote'] as const, `${mp}.relation`);
      arr(mo.diff, `${mp}.diff`).forEach((d, j) => {
        const dobj = obj(d, `${mp}.diff[${j}]`);
        oneOf(dobj.op, ['same', 'added', 'removed'] as const, `${mp}.diff[${j}].op`);
        str(dobj.text, `${mp}.diff[${j}].text`);
      });
    });
  });

  claims.forEach((c, i) => {
    const p = `index.claims[${i}]`;
    const o = c as Obj;
    const article = ref(o.article, articleIds, `${p}.article`, 'article');
    sentenceOf(article, o.sentence, `${p}.sentence`);
    str(o.text, `${p}.text`, false);
    oneOf(o.type, ['figure', 'event', 'attribution', 'statement', 'quoted'] as const, `${p}.type`);
    arr(o.entities, `${p}.entities`).forEach((e, k) => ref(e, entityIds, `${p}.entities[${k}]`, 'entity'));
    arr(o.figures, `${p}.figures`).forEach((f, k) => {
      const fp = `${p}.figures[${k}]`;
      const fo = obj(f, fp);
      str(fo.text, `${fp}.text`, false);
      num(fo.value, `${fp}.value`);
      oneOf(fo.qualifier, ['exact', 'more-than', 'less-than', 'at-least', 'at-most', 'up-to', 'about'] as const, `${fp}.qualifier`);
      strOrNull(fo.unit, `${fp}.unit`);
      span(fo.span, `${fp}.span`, textLength.get(article)!);
    });
    for (const k of ['places', 'dates', 'keywords'] as const) arr(o[k], `${p}.${k}`).forEach((s, j) => str(s, `${p}.${k}[${j}]`, false));
    ref(o.group, claimGroupIds, `${p}.group`, 'claim group');
  });

  claimGroups.forEach((g, i) => {
    const p = `index.claimGroups[${i}]`;
    const o = g as Obj;
    str(o.topic, `${p}.topic`);
    ref(o.reference, claimIds, `${p}.reference`, 'claim');
    const members = arr(o.members, `${p}.members`);
    if (!members.length) fail(`${p}.members`, 'expected at least one member');
    members.forEach((m, k) => {
      const mp = `${p}.members[${k}]`;
      const mo = obj(m, mp);
      ref(mo.claim, claimIds, `${mp}.claim`, 'claim');
      ref(mo.article, articleIds, `${mp}.article`, 'article');
      oneOf(mo.relation, ['agrees', 'differs', 'adds'] as const, `${mp}.relation`);
      arr(mo.values, `${mp}.values`).forEach((v, j) => str(v, `${mp}.values[${j}]`));
    });
    arr(o.differences, `${p}.differences`).forEach((d, k) => {
      const dp = `${p}.differences[${k}]`;
      const dobj = obj(d, dp);
      oneOf(dobj.attribute, ['figure', 'place', 'date', 'wording'] as const, `${dp}.attribute`);
      arr(dobj.values, `${dp}.values`).forEach((v, j) => {
        const vp = `${dp}.values[${j}]`;
        const vo = obj(v, vp);
        ref(vo.article, articleIds, `${vp}.article`, 'article');
        ref(vo.claim, claimIds, `${vp}.claim`, 'claim');
        str(vo.value, `${vp}.value`);
      });
    });
  });
  return json as CorpusIndex;
}
