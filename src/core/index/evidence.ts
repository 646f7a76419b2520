/**
 * The evidence of a page match for `lookup`: outlets, excerpts, canonical names, the corpus's own
 * wording of differing figures and, for quotes, the word diff from the corpus wording to the
 * page's. Built on the detail builder's tables and helpers (./details.ts), so `lookup` shows the
 * evidence cards show. A file of its own because the word diff brings the `diff` library, which
 * bundlers cannot drop from a module that imports it: details.ts is also in the card script.
 */
import { formatFigure, parseFigures, type ParsedFigure } from '../lang/figures';
import { wordRun } from '../lang/segment';
import { wordDiff } from '../lang/word-diff';
import { UNKNOWN, lookups, sentenceText } from './details';
import type { CorpusIndex, Coverage, Detection, Match, ValueDifference } from './types';

/** Builds the Detection of one page match (compact refs from the matcher) from the full index. */
export function buildDetection(index: CorpusIndex, match: Match): Detection {
  const look = lookups(index);
  const coverage: Coverage[] = match.refs.map((ref) => {
    const article = look.articles.get(ref.article);
    const excerpt = sentenceText(article, ref.sentence) ?? '';
    const c: Coverage = { article: ref.article, outlet: article?.outlet ?? UNKNOWN, relation: ref.relation, excerpt, score: ref.score };
    if (ref.values) c.values = corpusWording(ref.values, excerpt);
    if (ref.kind) c.kind = ref.kind;
    if (ref.differences) c.differences = ref.differences.map((v) => corpusWording(v, excerpt));
    if (match.kind === 'quote') {
      const wording = look.quoteWordings.get(`${match.id}\u0000${ref.article}`);
      if (wording !== undefined) c.diff = wordDiff(wording, match.text);
    }
    return c;
  });
  const d: Detection = { kind: match.kind, text: match.text, start: match.start, end: match.end, id: match.id, coverage, score: match.score };
  if (match.kind === 'person' || match.kind === 'organisation') d.entity = look.entities.get(match.id)?.name ?? match.id;
  return d;
}

/** Replaces the matcher's rendering of a corpus figure ("12345") with the corpus's own words ("£12,345"). */
function corpusWording(values: ValueDifference, excerpt: string): ValueDifference {
  if (values.attribute !== 'figure') return { ...values };
  const run = wordRun(excerpt);
  const figures: ParsedFigure[] = [];
  parseFigures(run, 0, run.norm.length, figures);
  const same = figures.find((f) => formatFigure(f.value, f.qualifier, f.cls, f.high) === values.corpus);
  return same ? { ...values, corpus: excerpt.slice(same.start, same.end) } : { ...values };
}
