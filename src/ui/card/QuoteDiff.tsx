/** One wording of a quote with its word-level differences from the reference marked. */
import type { DiffPart } from '../../core/index/types';
import { t } from '../shared/i18n';

/** Props of a marked-up quote wording. */
export interface QuoteDiffProps {
  /** The member's own wording, shown as is when there is no diff (the reference). */
  text: string;
  /** Precomputed diff from the reference wording to this wording. */
  diff: DiffPart[];
}

// Parts from a word-level diff may or may not carry their whitespace: add a space only where two
// parts would otherwise run words together.
function needsSpace(before: string, after: string): boolean {
  if (before === '' || after === '') return false;
  return !/\s$/u.test(before) && !/^[\s.,;:!?)\]}’”'"]/u.test(after);
}

/** Renders the diff with <ins>/<del>, each with a text label for screen readers. */
export function QuoteDiff({ text, diff }: QuoteDiffProps) {
  if (diff.length === 0 || diff.every((p) => p.op === 'same')) {
    return <p class="cl-quote-text">{text}</p>;
  }
  const nodes = [];
  let previous = '';
  for (let i = 0; i < diff.length; i++) {
    const part = diff[i];
    if (needsSpace(previous, part.text)) nodes.push(' ');
    if (part.op === 'added') {
      nodes.push(
        <ins key={i} class="cl-ins">
          <span class="cl-visually-hidden">{t('card_diff_added')} </span>
          {part.text}
        </ins>,
      );
    } else if (part.op === 'removed') {
      nodes.push(
        <del key={i} class="cl-del">
          <span class="cl-visually-hidden">{t('card_diff_removed')} </span>
          {part.text}
        </del>,
      );
    } else {
      nodes.push(part.text);
    }
    previous = part.text;
  }
  return <p class="cl-quote-text cl-quote-diff">{nodes}</p>;
}
