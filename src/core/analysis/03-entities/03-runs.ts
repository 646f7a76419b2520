/**
 * Step 3.3: maximal runs of capitalised words in article bodies, joined through hyphens,
 * apostrophes and the lower-case connectors that occur inside organisation names. Headlines are
 * left out (headline case capitalises everything), and so is what is not prose (step 3.1).
 */
import type { Span } from '../../index/types';
import type { ArticleDraft, Token } from '../context';
import { isInside } from '../context';
import { LOWER_ORG_HEADS, ORG_HEADS } from '../../lang/organisations';
import { isGivenName, isKnownSurname } from '../../lang/pos';
import { CONNECTORS, gapIsSpace, isCalendarWord, isPluralTitle, type Run } from './shared';

/** How far ahead (in tokens) a connector may look for the organisation head it leads to: "Food and General Workers' Union" needs four. */
const ORG_HEAD_LOOKAHEAD = 6;

/** True when capitalised words from `j` on reach an organisation head within a few tokens. */
export function continuesToOrgHead(toks: Token[], j: number): boolean {
  const sentence = toks[j]?.sentence;
  for (let k = j; k < toks.length && k < j + ORG_HEAD_LOOKAHEAD; k++) {
    const t = toks[k];
    if (t.sentence !== sentence) return false;
    if (t.isWord && !t.isCap && !CONNECTORS.has(t.text)) return false;
    if (t.isCap && ORG_HEADS.has(t.norm)) return true;
  }
  return false;
}

/** Runs of one article. */
export function findRuns(d: ArticleDraft, article: number, nonProse: Span[]): Run[] {
  const runs: Run[] = [];
  const toks = d.tokens;
  let i = 0;
  while (i < toks.length) {
    const t = toks[i];
    if (t.start < d.bodyStart || !t.isCap || isCalendarWord(t.norm) || t.norm === 'i' || isInside(nonProse, t.start)) {
      i++;
      continue;
    }
    const run: Token[] = [t];
    let j = i + 1;
    while (j < toks.length) {
      const prev = toks[j - 1];
      const next = toks[j];
      if (next.sentence !== t.sentence) break;
      // A possessive ends a name ("Brackwater's Grand Theatre") unless an organisation name runs on
      // through a common word ("Widget Makers' Association").
      if (prev.isPossessive && !(continuesToOrgHead(toks, j) && !isGivenName(prev.norm) && !isKnownSurname(prev.norm))) break;
      if (next.isCap && next.isWord && gapIsSpace(prev, next) && !isCalendarWord(next.norm) && !isPluralTitle(next.norm)) {
        run.push(next);
        j++;
        continue;
      }
      // Hyphenated or apostrophe-joined names ("Jean-Luc", "Widget Makers’ Association").
      if (!next.isWord && (next.text === '-' || next.text === '\u2019' || next.text === "'") && next.start === prev.end) {
        const after = toks[j + 1];
        if (after && after.isCap && after.sentence === t.sentence) {
          run.push(next, after);
          j += 2;
          continue;
        }
        break;
      }
      if (next.isWord && CONNECTORS.has(next.text)) {
        // After a complete organisation name, "and" starts another name ("the Civic Party and the
        // Green Alliance"); inside one it does not ("Food and General … Union").
        const endsOrg = prev.isCap && ORG_HEADS.has(prev.norm) && run.length >= 2;
        if (!(endsOrg && (next.text === 'and' || next.text === '&')) && continuesToOrgHead(toks, j + 1)) {
          run.push(next);
          j++;
          continue;
        }
        // A head-first name: "University of Avonley", "Department of Defence".
        const after = toks[j + 1];
        if (next.text === 'of' && prev.isCap && ORG_HEADS.has(prev.norm) && after?.isWord && after.isCap && after.sentence === t.sentence && !isCalendarWord(after.norm)) {
          run.push(next);
          j++;
          continue;
        }
      }
      // "the X party".
      if (next.isWord && LOWER_ORG_HEADS.has(next.text) && gapIsSpace(prev, next)) {
        run.push(next);
        j++;
      }
      break;
    }
    runs.push({ article, tokens: run, first: i });
    i = j;
  }
  return runs;
}
