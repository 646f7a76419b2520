/**
 * Resolves a Match (compact refs from the content script) into a Detection with outlets, excerpts
 * and canonical names from the full index. Runs in the background and the CLI, never on the page,
 * so it may use the diff library.
 */
import { diffArrays } from 'diff';
import type { ArticleRecord, Coverage, CorpusIndex, Detection, DiffPart, Match, ValueDifference } from '../index/types';
import { formatFigure, parseFigures, type ParsedFigure } from './numbers';
import { Tokens, WORD, tokenize } from './tokens';

/** Look-up tables over one index, built once per index and reused for every match. */
interface IndexTables {
  articles: Map<string, ArticleRecord>;
  entities: Map<string, string>;
  quotesByGroupArticle: Map<string, string>;
}

const tables = new WeakMap<CorpusIndex, IndexTables>();

function tablesFor(index: CorpusIndex): IndexTables {
  let t = tables.get(index);
  if (!t) {
    t = {
      articles: new Map(index.articles.map((a) => [a.id, a])),
      entities: new Map(index.entities.map((e) => [e.id, e.name])),
      quotesByGroupArticle: new Map(),
    };
    for (const q of index.quotes) {
      const key = `${q.group}\u0000${q.article}`;
      if (!t.quotesByGroupArticle.has(key)) t.quotesByGroupArticle.set(key, q.text);
    }
    tables.set(index, t);
  }
  return t;
}

/** Resolves a match's evidence (excerpts, outlets, canonical names) against the full index. */
export function resolveMatch(match: Match, index: CorpusIndex): Detection {
  const t = tablesFor(index);
  const coverage: Coverage[] = match.refs.map((ref) => {
    const article = t.articles.get(ref.article);
    const span = article?.sentences[ref.sentence];
    const excerpt = article && span ? article.text.slice(span.start, span.end) : '';
    const c: Coverage = { article: ref.article, outlet: article?.outlet ?? 'unknown', relation: ref.relation, excerpt, score: ref.score };
    if (ref.values) c.values = corpusWording(ref.values, excerpt);
    if (match.kind === 'quote') {
      const wording = t.quotesByGroupArticle.get(`${match.id}\u0000${ref.article}`);
      if (wording !== undefined) c.diff = wordDiff(wording, match.text);
    }
    return c;
  });
  const d: Detection = { kind: match.kind, text: match.text, start: match.start, end: match.end, id: match.id, coverage, score: match.score };
  if (match.kind === 'person' || match.kind === 'organisation') d.entity = t.entities.get(match.id) ?? match.id;
  return d;
}

/** Replaces the matcher's rendering of a corpus figure ("12345") with the corpus's own words ("£12,345"). */
function corpusWording(values: ValueDifference, excerpt: string): ValueDifference {
  if (values.attribute === 'place') return { ...values };
  const tokens = tokenize(excerpt, new Tokens());
  const figures: ParsedFigure[] = [];
  parseFigures(tokens, 0, tokens.count, figures);
  const same = figures.find((f) => formatFigure(f.value, f.qualifier, f.cls) === values.corpus);
  return same ? { ...values, corpus: excerpt.slice(same.start, same.end) } : { ...values };
}

/** Word-level differences from the corpus wording to the scanned wording (compared after normalisation). */
export function wordDiff(corpus: string, page: string): DiffPart[] {
  const words = (text: string) => {
    const t = tokenize(text, new Tokens());
    const out: { norm: string; raw: string }[] = [];
    for (let i = 0; i < t.count; i++) if (t.flags[i] & WORD) out.push({ norm: t.norm[i], raw: text.slice(t.start[i], t.end[i]) });
    return out;
  };
  const changes = diffArrays(words(corpus), words(page), { comparator: (a, b) => a.norm === b.norm });
  return changes.map((c) => ({
    op: c.added ? 'added' : c.removed ? 'removed' : 'same',
    text: c.value.map((w) => w.raw).join(' '),
  }));
}
