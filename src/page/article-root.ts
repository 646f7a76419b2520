/**
 * Finds the element that holds the article's main text: a semantic container (articleBody,
 * article, main) when the page has one with real paragraphs in it, else the element with the most
 * paragraph text, links discounted (the readability heuristic). Falls back to <body>.
 */
import { isExcludedWithin, isFurniture, isUntouchable } from './dom-filters';
import { ARTICLE_SELECTORS, FURNITURE_QUICK_SELECTOR } from './site-knowledge';

/** Paragraph text (in characters) a container needs before it counts as the article. */
const MIN_ARTICLE_CHARS = 200;
/** Paragraphs shorter than this are bylines, captions or buttons, not body text. */
const MIN_PARAGRAPH_CHARS = 25;

/** Returns the element holding the page's article text (never null: <body> at worst). */
export function findArticleRoot(doc: Document): Element {
  const body = doc.body ?? doc.documentElement;
  // A semantic container with little text yet (a live blog that fills in later) still beats <body>.
  let weak: Element | null = null;
  let weakScore = 0;
  for (const selector of ARTICLE_SELECTORS) {
    let best: Element | null = null;
    let bestScore = MIN_ARTICLE_CHARS - 1;
    for (const el of Array.from(doc.querySelectorAll(selector))) {
      if (el !== body && isExcludedWithin(el, body)) continue; // a teaser <article> inside an aside
      const score = paragraphChars(el);
      if (score > bestScore) {
        best = el;
        bestScore = score;
      }
      if (!weak || score > weakScore) {
        weak = el;
        weakScore = score;
      }
    }
    if (best) return best;
  }
  return densestTextContainer(body) ?? (weakScore > 0 ? weak : null) ?? body;
}

/** Characters of paragraph text under an element (cheap: no style or layout is read). */
function paragraphChars(el: Element): number {
  let total = 0;
  for (const p of Array.from(el.getElementsByTagName('p'))) {
    const length = p.textContent?.length ?? 0;
    if (length < MIN_PARAGRAPH_CHARS) continue;
    // Paragraphs in the container's own navigation, asides or comments do not make it the article.
    const furniture = p.closest(FURNITURE_QUICK_SELECTOR);
    if (furniture && furniture !== el && el.contains(furniture)) continue;
    total += length;
  }
  return total;
}

/**
 * Readability's idea, reduced: every body paragraph credits its parent with its text length
 * (discounted by link density) and its grandparent with half; the best-credited element wins.
 */
function densestTextContainer(body: Element): Element | null {
  const excluded = new Map<Element, boolean>();
  const isExcluded = (el: Element | null): boolean => {
    if (!el || el === body) return false;
    const known = excluded.get(el);
    if (known !== undefined) return known;
    const value = isUntouchable(el) || isFurniture(el) || isExcluded(el.parentElement);
    excluded.set(el, value);
    return value;
  };
  const scores = new Map<Element, number>();
  const credit = (el: Element | null, amount: number) => {
    if (el) scores.set(el, (scores.get(el) ?? 0) + amount);
  };
  for (const p of Array.from(body.querySelectorAll('p, pre, td'))) {
    if (isExcluded(p)) continue;
    const text = p.textContent ?? '';
    if (text.trim().length < MIN_PARAGRAPH_CHARS) continue;
    let linkChars = 0;
    for (const a of Array.from(p.getElementsByTagName('a'))) linkChars += a.textContent?.length ?? 0;
    const score = text.length * (1 - Math.min(1, linkChars / text.length));
    credit(p.parentElement, score);
    credit(p.parentElement?.parentElement ?? null, score / 2);
  }
  let best: Element | null = null;
  let bestScore = MIN_ARTICLE_CHARS - 1;
  for (const [el, score] of scores) {
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return best;
}

/** True when `el` lies inside the article root and outside its furniture. */
export function isInArticle(el: Element, root: Element): boolean {
  return (el === root || root.contains(el)) && !isExcludedWithin(el, root);
}
