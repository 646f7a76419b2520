/**
 * Detail records for cards, the popup and the corpus browser, built from the full index. The
 * evidence of a page match for `lookup` (./evidence.ts) is built on the same tables and helpers.
 *
 * Every record carries its evidence (article ids, outlets, excerpts) and nothing the index cannot
 * back up: a sentence index that does not resolve gives a null excerpt, an entity id that does not
 * resolve is left out, and "unknown" metadata stays "unknown" for the UI to say so.
 */
import type {
  ArticleRecord,
  ClaimType,
  CorpusIndex,
  DetectionKind,
  DiffPart,
  Difference,
  EntityKind,
  Qualifier,
  QuoteTense,
} from './types';

/** The literal the index uses for metadata the source does not establish. */
export const UNKNOWN = 'unknown';

/** The article facts a card shows next to every piece of evidence. */
export interface ArticleRef {
  id: string;
  /** Outlet name, or "unknown". */
  outlet: string;
  headline: string;
  /** ISO date, or "unknown". */
  date: string;
  url: string;
}

/** One descriptor an article attached to an entity, with the sentence it came from. */
export interface DescriptorDetails {
  text: string;
  /** The corpus sentence the descriptor was taken from, or null when it does not resolve. */
  excerpt: string | null;
}

/** One quote an article attributed to an entity. */
export interface AttributedQuote {
  /** QuoteRecord id. */
  id: string;
  /** QuoteGroup id (for a deep link to the quote comparison). */
  group: string;
  text: string;
  tense: QuoteTense;
}

/** What one article says about an entity. */
export interface EntityArticleDetails {
  article: ArticleRef;
  mentions: number;
  /** Surface forms as written, deduplicated, in order of first use. */
  surfaces: string[];
  descriptors: DescriptorDetails[];
  quotes: AttributedQuote[];
}

/** An entity that appears in the same articles. */
export interface RelatedEntity {
  id: string;
  kind: EntityKind;
  name: string;
  /** Ids of the articles both appear in. */
  articles: string[];
  sharedArticles: number;
}

/** Card record for a person or organisation. */
export interface EntityDetails {
  type: 'entity';
  kind: EntityKind;
  id: string;
  name: string;
  aliases: string[];
  /** Articles that mention the entity (N) out of all corpus articles (M). */
  covered: number;
  total: number;
  /** One entry per covering article, in index order (by article id). */
  articles: EntityArticleDetails[];
  related: RelatedEntity[];
  /** Mentions across the corpus. */
  mentionCount: number;
  /** Corpus-browser deep link, e.g. "#/person/<id>". */
  link: string;
}

/** A number a claim states, without its offsets. */
export interface FigureDetails {
  text: string;
  value: number;
  qualifier: Qualifier;
  unit: string | null;
}

/** One article's statement within a claim group. */
export interface ClaimMemberDetails {
  /** ClaimRecord id. */
  claim: string;
  article: ArticleRef;
  /** Relation to the group's reference statement, as the corpus analysis computed it. */
  relation: 'agrees' | 'differs' | 'adds';
  isReference: boolean;
  /** The corpus sentence, and its index in the article (what a matcher's CoverageRef.sentence names). */
  excerpt: string;
  sentence: number;
  claimType: ClaimType;
  /** This member's values of the differing attributes (empty if none). */
  values: string[];
  figures: FigureDetails[];
  places: string[];
  dates: string[];
}

/** Members of a claim group from one outlet. */
export interface OutletGroup<T> {
  /** Outlet name, or "unknown". */
  outlet: string;
  members: T[];
}

/** One differing attribute with each article's value, ready to be shown side by side. */
export interface DifferenceDetails {
  attribute: Difference['attribute'];
  /** How the values differ (Difference.kind; absent: a contradiction), and for a place inside another where that comes from. */
  kind?: Difference['kind'];
  basis?: Difference['basis'];
  values: { article: ArticleRef; claim: string; value: string }[];
}

/**
 * The text of one corpus sentence a card asked for by (article, sentence): a differing sentence of
 * an article that is no member of the claim group ("another sentence of this article").
 */
export interface SentenceExcerpt {
  article: string;
  sentence: number;
  text: string;
}

/** At most this many sentences per card request: a card shows a few differing sentences (relate.ts keeps at most 4 differences a reference). */
export const MAX_EXCERPTS = 8;
/**
 * At most this many characters of a sentence are sent: the card shows a short excerpt (two lines,
 * clamped), and one long corpus sentence must not swell the reply.
 */
export const EXCERPT_CHARS = 280;

/** The text of a sentence cut to EXCERPT_CHARS at a word, with an ellipsis when cut. */
export function shortExcerpt(text: string): string {
  if (text.length <= EXCERPT_CHARS) return text;
  const cut = text.lastIndexOf(' ', EXCERPT_CHARS);
  return `${text.slice(0, cut > 0 ? cut : EXCERPT_CHARS).trimEnd()}…`;
}

/**
 * Short excerpts of the asked sentences that `article` resolves (an article id to its record, or
 * undefined), at most MAX_EXCERPTS, in the order asked; a sentence that does not resolve is left out.
 */
export async function sentenceExcerpts(asked: readonly { article: string; sentence: number }[], article: (id: string) => ArticleRecord | undefined | null | Promise<ArticleRecord | undefined | null>): Promise<SentenceExcerpt[]> {
  const out: SentenceExcerpt[] = [];
  for (const { article: id, sentence } of asked.slice(0, MAX_EXCERPTS)) {
    if (typeof id !== 'string' || !Number.isInteger(sentence)) continue;
    const text = sentenceText((await article(id)) ?? undefined, sentence);
    if (text) out.push({ article: id, sentence, text: shortExcerpt(text) });
  }
  return out;
}

/** Card record for a claim group. */
export interface ClaimDetails {
  type: 'claim';
  id: string;
  topic: string;
  /** ClaimRecord id of the reference member. */
  reference: string;
  /** Distinct articles with a member (N) out of all corpus articles (M). */
  covered: number;
  total: number;
  /** Every member, reference first, then by article id. */
  members: ClaimMemberDetails[];
  /** The same members grouped by outlet, in order of first appearance in `members`. */
  byOutlet: OutletGroup<ClaimMemberDetails>[];
  differences: DifferenceDetails[];
  link: string;
  /** Texts of sentences outside the group the card asked for (getDetails `sentences`); absent when none was asked. */
  excerpts?: SentenceExcerpt[];
}

/** One article's wording of a quote. */
export interface QuoteMemberDetails {
  /** QuoteRecord id. */
  quote: string;
  article: ArticleRef;
  relation: 'same' | 'variant';
  isReference: boolean;
  text: string;
  tense: QuoteTense;
  /** How the article named the speaker, or null. */
  speakerText: string | null;
  /** Word-level diff from the reference wording (empty for the reference itself). */
  diff: DiffPart[];
}

/** Card record for a quote group. */
export interface QuoteDetails {
  type: 'quote';
  id: string;
  speaker: {
    /** Entity id, or null when the speaker is not an indexed entity. */
    id: string | null;
    kind: EntityKind | null;
    /** Canonical name when the speaker is an indexed entity. */
    name: string | null;
    /** How the reference article named the speaker, when there is no canonical name. */
    text: string | null;
  };
  reference: string;
  covered: number;
  total: number;
  /** Every member, reference first, then by article id. */
  members: QuoteMemberDetails[];
  link: string;
}

/** The detail record for any card. */
export type CardDetails = EntityDetails | ClaimDetails | QuoteDetails;

/** True when a metadata value is established by the source (not "unknown" or empty). */
export function isKnown(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.trim() !== '' && value !== UNKNOWN;
}

/** The article facts a card shows, from a full article record. */
export function articleRef(article: ArticleRecord): ArticleRef {
  return { id: article.id, outlet: article.outlet, headline: article.headline, date: article.date, url: article.url };
}

/**
 * "Outlet, 2031-03-04" for an article, with the caller's words for what the source does not say
 * (the UI passes translated strings; core has no i18n).
 */
export function articleLabel(
  article: Pick<ArticleRef, 'outlet' | 'date'>,
  unknown: { outlet: string; date: string } = { outlet: 'outlet unknown', date: 'date unknown' },
): string {
  const outlet = isKnown(article.outlet) ? article.outlet : unknown.outlet;
  const date = isKnown(article.date) ? article.date : unknown.date;
  return `${outlet}, ${date}`;
}

/** Corpus-browser deep link for a record, e.g. "#/claim/<id>". */
export function deepLink(kind: DetectionKind, id: string): string {
  // Ids are usually already safe ("person:jane-doe"); encode only what a hash cannot carry.
  return `#/${kind}/${id.replace(/[^\w:.-]/gu, (c) => encodeURIComponent(c))}`;
}

/** The text of one sentence of an article, or null when the index does not resolve it. */
export function sentenceText(article: ArticleRecord | undefined, sentence: number): string | null {
  const span = article?.sentences[sentence];
  if (!article || !span) return null;
  return article.text.slice(span.start, span.end).trim();
}

/** Groups items by outlet, keeping the order in which outlets first appear. */
export function groupByOutlet<T extends { article: ArticleRef }>(items: T[]): OutletGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(item.article.outlet) ?? [];
    list.push(item);
    groups.set(item.article.outlet, list);
  }
  return [...groups].map(([outlet, members]) => ({ outlet, members }));
}

/** Lookup tables built once per index; WeakMap so a reloaded index gets fresh tables. */
export interface Lookups {
  articles: Map<string, ArticleRecord>;
  entities: Map<string, CorpusIndex['entities'][number]>;
  quotes: Map<string, CorpusIndex['quotes'][number]>;
  claims: Map<string, CorpusIndex['claims'][number]>;
  claimGroups: Map<string, CorpusIndex['claimGroups'][number]>;
  quoteGroups: Map<string, CorpusIndex['quoteGroups'][number]>;
  /** The first wording of each quote group in each article, keyed "group\u0000article". */
  quoteWordings: Map<string, string>;
}

const lookupCache = new WeakMap<CorpusIndex, Lookups>();

/** The first wording of each quote group in each article of an index. */
function quoteWordingsOf(index: CorpusIndex): Map<string, string> {
  const wordings = new Map<string, string>();
  for (const q of index.quotes) {
    const key = `${q.group}\u0000${q.article}`;
    if (!wordings.has(key)) wordings.set(key, q.text);
  }
  return wordings;
}

/** The lookup tables of an index (built on first use, then cached for that index object). */
export function lookups(index: CorpusIndex): Lookups {
  let cached = lookupCache.get(index);
  if (!cached) {
    let wordings: Map<string, string> | undefined;
    cached = {
      articles: new Map(index.articles.map((a) => [a.id, a])),
      entities: new Map(index.entities.map((e) => [e.id, e])),
      quotes: new Map(index.quotes.map((q) => [q.id, q])),
      claims: new Map(index.claims.map((c) => [c.id, c])),
      // Maps, not find(): the store builds every group's card at install, which must stay linear.
      claimGroups: new Map(index.claimGroups.map((g) => [g.id, g])),
      quoteGroups: new Map(index.quoteGroups.map((g) => [g.id, g])),
      // Built when first read (the evidence of a page match): card records never read it, and an
      // install's copy of the index keeps quote texts packed (src/store/details-input.ts).
      get quoteWordings() {
        return (wordings ??= quoteWordingsOf(index));
      },
    };
    lookupCache.set(index, cached);
  }
  return cached;
}

/** What one covering article says about an entity (its coverage entry resolved against the index). */
export function entityArticle(look: Lookups, article: ArticleRecord, coverage: CorpusIndex['entities'][number]['coverage'][number]): EntityArticleDetails {
  const quotes: AttributedQuote[] = [];
  for (const quoteId of coverage.quotes) {
    const quote = look.quotes.get(quoteId);
    if (quote) quotes.push({ id: quote.id, group: quote.group, text: quote.text, tense: quote.tense });
  }
  return {
    article: articleRef(article),
    mentions: coverage.mentions.length,
    surfaces: [...new Set(coverage.mentions.map((m) => m.surface))],
    descriptors: coverage.descriptors.map((d) => ({ text: d.text, excerpt: sentenceText(article, d.sentence) })),
    quotes,
  };
}

/** One resolved member of a claim group as a card shows it. */
export function claimMember(group: CorpusIndex['claimGroups'][number], member: CorpusIndex['claimGroups'][number]['members'][number], claim: CorpusIndex['claims'][number], article: ArticleRecord): ClaimMemberDetails {
  return {
    claim: claim.id,
    article: articleRef(article),
    relation: member.relation,
    isReference: claim.id === group.reference,
    excerpt: claim.text,
    sentence: claim.sentence,
    claimType: claim.type,
    values: [...member.values],
    figures: claim.figures.map((f) => ({ text: f.text, value: f.value, qualifier: f.qualifier, unit: f.unit })),
    places: [...claim.places],
    dates: [...claim.dates],
  };
}

/** One resolved member of a quote group as a card shows it. */
export function quoteMember(group: CorpusIndex['quoteGroups'][number], member: CorpusIndex['quoteGroups'][number]['members'][number], quote: CorpusIndex['quotes'][number], article: ArticleRecord): QuoteMemberDetails {
  return {
    quote: quote.id,
    article: articleRef(article),
    relation: member.relation === 'variant-quote' ? 'variant' : 'same',
    isReference: quote.id === group.reference,
    text: quote.text,
    tense: quote.tense,
    speakerText: quote.speakerText,
    diff: member.diff.map((p) => ({ op: p.op, text: p.text })),
  };
}

/** Reference first, the rest in index order (members are stored by article id). */
export function referenceFirst<T>(members: T[], isReference: (member: T) => boolean): T[] {
  return [...members.filter(isReference), ...members.filter((m) => !isReference(m))];
}

function buildEntity(index: CorpusIndex, look: Lookups, id: string): EntityDetails | null {
  const entity = look.entities.get(id);
  if (!entity) return null;
  const articles: EntityArticleDetails[] = [];
  for (const coverage of entity.coverage) {
    const article = look.articles.get(coverage.article);
    if (!article) continue; // coverage of an article the index does not hold backs nothing up
    articles.push(entityArticle(look, article, coverage));
  }
  const related: RelatedEntity[] = [];
  for (const rel of entity.related) {
    const other = look.entities.get(rel.entity);
    if (!other || other.id === entity.id) continue;
    const shared = rel.articles.filter((a) => look.articles.has(a));
    if (shared.length === 0) continue;
    related.push({ id: other.id, kind: other.kind, name: other.name, articles: shared, sharedArticles: shared.length });
  }
  related.sort((a, b) => b.sharedArticles - a.sharedArticles || a.name.localeCompare(b.name));
  return {
    type: 'entity',
    kind: entity.kind,
    id: entity.id,
    name: entity.name,
    aliases: [...entity.aliases],
    covered: articles.length,
    total: index.articles.length,
    articles,
    related,
    mentionCount: articles.reduce((sum, a) => sum + a.mentions, 0),
    link: deepLink(entity.kind, entity.id),
  };
}

/** A quote group's speaker: the entity when the group has one, else the words that name them (`speakerText`, read only then). */
export function quoteSpeaker(group: CorpusIndex['quoteGroups'][number], look: Lookups, speakerText: () => string | null): QuoteDetails['speaker'] {
  const speaker = group.speaker ? look.entities.get(group.speaker) : undefined;
  return { id: speaker?.id ?? null, kind: speaker?.kind ?? null, name: speaker?.name ?? null, text: speaker ? null : speakerText() };
}

/**
 * A claim group's differences with each side's article, the sides of claims `shown` keeps only
 * (a card cut to its first members: card-details.ts); a difference left with fewer than two sides
 * is dropped, since it needs two to be shown side by side.
 */
export function claimDifferences(group: CorpusIndex['claimGroups'][number], look: Lookups, shown: (claim: string) => boolean = () => true): DifferenceDetails[] {
  const differences: DifferenceDetails[] = [];
  for (const difference of group.differences) {
    const values: DifferenceDetails['values'] = [];
    for (const v of difference.values) {
      const article = look.articles.get(v.article);
      if (article && shown(v.claim)) values.push({ article: articleRef(article), claim: v.claim, value: v.value });
    }
    if (values.length >= 2) differences.push({ attribute: difference.attribute, ...(difference.kind ? { kind: difference.kind } : {}), ...(difference.basis ? { basis: difference.basis } : {}), values });
  }
  return differences;
}

function buildClaim(index: CorpusIndex, look: Lookups, id: string): ClaimDetails | null {
  const group = look.claimGroups.get(id);
  if (!group) return null;
  const members: ClaimMemberDetails[] = [];
  for (const member of group.members) {
    const claim = look.claims.get(member.claim);
    const article = look.articles.get(member.article);
    if (!claim || !article) continue;
    members.push(claimMember(group, member, claim, article));
  }
  const ordered = referenceFirst(members, (m) => m.isReference);
  const differences = claimDifferences(group, look);
  return {
    type: 'claim',
    id: group.id,
    topic: group.topic,
    reference: group.reference,
    covered: new Set(ordered.map((m) => m.article.id)).size,
    total: index.articles.length,
    members: ordered,
    byOutlet: groupByOutlet(ordered),
    differences,
    link: deepLink('claim', group.id),
  };
}

function buildQuote(index: CorpusIndex, look: Lookups, id: string): QuoteDetails | null {
  const group = look.quoteGroups.get(id);
  if (!group) return null;
  const members: QuoteMemberDetails[] = [];
  for (const member of group.members) {
    const quote = look.quotes.get(member.quote);
    const article = look.articles.get(member.article);
    if (!quote || !article) continue;
    members.push(quoteMember(group, member, quote, article));
  }
  const ordered = referenceFirst(members, (m) => m.isReference);
  return {
    type: 'quote',
    id: group.id,
    speaker: quoteSpeaker(group, look, () => ordered.find((m) => m.speakerText)?.speakerText ?? null),
    reference: group.reference,
    covered: new Set(ordered.map((m) => m.article.id)).size,
    total: index.articles.length,
    members: ordered,
    link: deepLink('quote', group.id),
  };
}

/** Returns the detail record for one entity, claim group or quote group, or null when unknown. */
export function buildDetails(index: CorpusIndex, kind: DetectionKind, id: string): CardDetails | null {
  const look = lookups(index);
  if (kind === 'person' || kind === 'organisation') {
    const details = buildEntity(index, look, id);
    return details && details.kind === kind ? details : null;
  }
  if (kind === 'claim') return buildClaim(index, look, id);
  return buildQuote(index, look, id);
}

