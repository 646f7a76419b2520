/**
 * Finds the element that holds the article: chosen by content, the way reader-mode extractors
 * (@mozilla/readability) do it, without cloning or changing the live document. One pass over the
 * page's paragraphs scores every ancestor by the prose beneath it (link text discounted, feeds and
 * furniture left out); the best-scored container is the article's core; the root then widens to
 * take sibling sections that carry more of the story, and the article's own headline, standfirst
 * and byline block. What inside the root is not article text (bylines, captions, feeds, share
 * lists, chart labels...), whether named so or known only by its text and shape, is left out by
 * dom-filters when the text is read, not by the choice of root. Hidden paragraphs count toward the
 * choice (a collapsed continuation is still the story) but are read only once shown.
 */
import { holdsOnlyInline, isExcluded, isExcludedWithin, isNamedFurniture, isUntouchable, linkOrItemMemo, paragraphProse } from './dom-filters';
import { ARTICLE_SELECTORS, PAGE_FRAME_SELECTOR, SEMANTIC_ARTICLE_TAG } from './site-knowledge';

/** Prose (in characters) a container needs before it counts as the article. */
const MIN_ARTICLE_CHARS = 200;
/** Paragraphs shorter than this are bylines, captions or buttons, not body text. */
const MIN_PARAGRAPH_CHARS = 25;
/**
 * Elements that can carry a paragraph of prose: readability's p, pre and td, and a div holding only
 * inline content (some sites write every paragraph as a div; readability turns those into p too).
 */
const PROSE_SELECTOR = 'p,pre,td,div';
/**
 * Paragraphs under one parent read at most. A bigger group (a very long article of flat paragraphs:
 * about 4,300 under one element on the bench's 200,000-word page) is read through an evenly spaced
 * sample of this many, its prose and paragraph count scaled up to the whole group: reading every
 * paragraph's text and links was two thirds of the article finder's time there (thread CPU in the
 * page, loaded machine: 24-26 ms; 11-13 ms with the sample). A sample this size puts such a group's
 * prose within a few per cent, where the choices made with it compare containers by a fifth or a
 * half. Groups up to this size (every page but the longest: 400 paragraphs at 20,000 words) are
 * read whole, in the same order and with the same tests as before.
 */
const MAX_PARAGRAPHS_READ_PER_PARENT = 512;
/**
 * Paragraphs of a whole page grouped by parent at most: a page with more (5,361 candidates on the
 * bench's 200,000-word page, 541 at 20,000) is grouped through every k-th paragraph, each standing
 * for k, before the per-parent sample above. Grouping reads each paragraph's parent and tag; on the
 * 200,000-word page that pass was about half the article finder's time (the same order as a FLOOR
 * pass over the page). Four times the per-parent sample: a group big enough to be sampled keeps
 * at least that many of its paragraphs (so the per-parent sample still reads its 512), and only
 * pages of several thousand paragraphs, where a sidebar's few count for little beside the story,
 * are grouped through a sample.
 */
const MAX_PARAGRAPHS_GROUPED = 4 * MAX_PARAGRAPHS_READ_PER_PARENT;
/**
 * Ancestors of a paragraph that share its score, and by how much: readability's dividers (parent
 * 1, grandparent 2, then level × 3) over five levels. The decay keeps the best-scored element
 * close to the paragraphs, so a page wrapper with a sidebar never beats the story's own container.
 */
const SCORE_DIVIDERS = [1, 2, 6, 9, 12];
/**
 * A parent (or an ancestor within CLIMB_LEVELS) joins the article when the prose it adds in other
 * children is at least this share of the article's prose so far: a story split into sibling
 * sections, or continued past an ad slot. readability appends a sibling scoring a fifth of the top
 * candidate; prose from furniture, comments and feeds is never counted, so what is added is story.
 */
const SIBLING_MIN_SHARE = 0.2;
/** Paragraphs a sibling climb must also add: one stray blurb beside the story is not a section of it. */
const SIBLING_MIN_PARAGRAPHS = 2;
/** Wrapper levels looked through for a sibling section (section > block > paragraph is common). */
const CLIMB_LEVELS = 3;
/**
 * The root widens to the <article> around it, or to the nearest ancestor with the headline, when
 * that adds no more prose than this share: a header, standfirst and byline, not a second story.
 */
const WIDEN_MAX_EXTRA_SHARE = 0.5;
/**
 * Ancestor levels looked through for the article's headline (h1). Sites put the headline in a
 * full-width hero and the body four to six wrappers deep in a column grid; what keeps the climb to
 * the article is not this bound but the tests at the level found (article-sized, not the page frame).
 */
const HEADLINE_LEVELS = 8;

/** Returns the element holding the page's article text (never null: <body> at worst). */
export function findArticleRoot(doc: Document): Element {
  const body = doc.body ?? doc.documentElement;
  const prose = scoreProse(body);
  const core = prose.best;
  if (!core) return semanticContainer(doc, body) ?? body;
  const total = (el: Element) => prose.stats.get(el)?.total ?? 0;
  const count = (el: Element) => prose.stats.get(el)?.count ?? 0;
  let root = takeSiblingSections(core, body, total, count);
  root = widenToArticle(root, body, total);
  return widenToHeadline(root, body, total);
}

/** What one pass learned about an element: prose beneath it, paragraphs beneath it, readability's decayed score. */
interface ProseStat {
  total: number;
  count: number;
  score: number;
}

/** Per-element prose of one pass over the paragraphs, and the best-scored container. */
interface ProseScores {
  stats: Map<Element, ProseStat>;
  best: Element | null;
}

/**
 * One pass over the paragraphs credits each one's prose to its parent; then each credited parent
 * (far fewer: paragraphs share them) passes its sum up to every ancestor's total and a decaying
 * share to its nearest ancestors' score. Paragraphs under untouchable or furniture elements count
 * for nothing; each ancestor's verdict is computed once and remembered for the pass.
 */
function scoreProse(body: Element): ProseScores {
  const excluded = new Map<Element, boolean>();
  const isExcludedAbove = (el: Element | null): boolean => {
    if (!el || el === body) return false;
    const known = excluded.get(el);
    if (known !== undefined) return known;
    // Ancestors first (the same verdict: pure tests, or'ed): containers are shared, and one named
    // furniture (a comments section) settles all its children without judging each one's shape
    // (500 comment boxes on the bench's 200,000-word page, each read for a story card's shape).
    const value = isExcludedAbove(el.parentElement) || isExcluded(el);
    excluded.set(el, value);
    return value;
  };
  const inLinkOrItem = linkOrItemMemo();
  const direct = new Map<Element, ProseStat>();
  const paragraphs = body.querySelectorAll(PROSE_SELECTOR);
  // First each parent's group of paragraphs is counted (no text read), on a very long page through
  // every `step`-th paragraph (MAX_PARAGRAPHS_GROUPED), each counted for `step`.
  const step = Math.max(1, Math.ceil(paragraphs.length / MAX_PARAGRAPHS_GROUPED));
  const kept: Element[] = [];
  const parents: Element[] = [];
  const groupSize = new Map<Element, number>();
  for (let i = 0; i < paragraphs.length; i += step) {
    const p = paragraphs[i];
    const parent = p.parentElement;
    if (!parent || (p.tagName === 'DIV' && !holdsOnlyInline(p))) continue;
    kept.push(p);
    parents.push(parent);
    groupSize.set(parent, (groupSize.get(parent) ?? 0) + 1);
  }
  // Then their prose (text, links, teaser shape), in page order; in a group too big to read whole,
  // every stride-th paragraph, each standing for `weight` of the group's paragraphs. paragraphProse
  // has judged a paragraph's links and teaser shape; only its names and its place remain.
  const seen = new Map<Element, number>();
  for (let i = 0; i < kept.length; i++) {
    const parent = parents[i];
    const size = groupSize.get(parent) ?? 1;
    let weight = 1;
    if (size > MAX_PARAGRAPHS_READ_PER_PARENT) {
      const stride = Math.ceil(size / MAX_PARAGRAPHS_READ_PER_PARENT);
      const index = seen.get(parent) ?? 0;
      seen.set(parent, index + 1);
      if (index % stride !== 0) continue;
      weight = size / Math.ceil(size / stride);
    }
    // The parent's verdict first (once per parent): a paragraph under furniture is not read at all.
    // The bench's 200,000-word page has 500 comments read for their prose and then thrown away.
    if (isExcludedAbove(parent)) continue;
    const amount = paragraphProse(kept[i], MIN_PARAGRAPH_CHARS, inLinkOrItem);
    if (amount === 0 || isUntouchable(kept[i]) || isNamedFurniture(kept[i])) continue;
    let stat = direct.get(parent);
    if (!stat) direct.set(parent, (stat = { total: 0, count: 0, score: 0 }));
    stat.total += amount * weight * step;
    stat.count += weight * step;
  }
  const stats = new Map<Element, ProseStat>();
  const stop = body.parentElement;
  for (const [parent, credit] of direct) {
    let level = 0;
    for (let el: Element | null = parent; el && el !== stop; el = el.parentElement, level++) {
      let stat = stats.get(el);
      if (!stat) stats.set(el, (stat = { total: 0, count: 0, score: 0 }));
      stat.total += credit.total;
      stat.count += credit.count;
      if (level < SCORE_DIVIDERS.length) stat.score += credit.total / SCORE_DIVIDERS[level];
    }
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, stat] of stats) {
    if (stat.score > bestScore && stat.total >= MIN_ARTICLE_CHARS) {
      best = el;
      bestScore = stat.score;
    }
  }
  return { stats, best };
}

/**
 * Widens the root while an ancestor a few levels up holds more of the story in sibling sections:
 * enough more prose, or any prose only in siblings built like the root's own section (same tag,
 * same first class: a short tail of the story continued past an ad slot or an aside).
 */
function takeSiblingSections(
  core: Element,
  body: Element,
  total: (el: Element) => number,
  count: (el: Element) => number,
): Element {
  let root = core;
  for (;;) {
    let next: Element | null = null;
    let child = root;
    let el = root.parentElement;
    for (let level = 0; level < CLIMB_LEVELS && el && el !== body; level++, child = el, el = el.parentElement) {
      const addsEnough = total(el) >= total(root) * (1 + SIBLING_MIN_SHARE) && count(el) - count(root) >= SIBLING_MIN_PARAGRAPHS;
      // The tail must be a sibling at this level: prose that a level below added from unlike
      // siblings (a sidebar's blurb) is not carried up by a like sibling higher up.
      const addsTail = total(child) === total(root) && total(el) > total(root) && proseInLikeSiblings(el, child, total) === total(el) - total(root);
      if (addsEnough || addsTail) {
        next = el;
        break;
      }
    }
    if (!next) return root;
    root = next;
  }
}

/** Prose in the children of `parent` other than `section` that are built like it (same tag and first class). */
function proseInLikeSiblings(parent: Element, section: Element, total: (el: Element) => number): number {
  const shape = shapeOf(section);
  // Bare tags carry no template's mark: two unnamed divs side by side are not known to be one story.
  if (shape === null) return 0;
  let prose = 0;
  for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
    if (child !== section && shapeOf(child) === shape) prose += total(child);
  }
  return prose;
}

/**
 * An element's tag and first class, the mark a site's template leaves on each section of a story
 * ("DIV.story-block"); null for an element without a class.
 */
function shapeOf(el: Element): string | null {
  const cls = el.getAttribute('class')?.trim().split(/\s+/, 1)[0];
  return cls ? `${el.tagName}.${cls}` : null;
}

/** The enclosing <article> when it adds only its header, standfirst and byline block to the root. */
function widenToArticle(root: Element, body: Element, total: (el: Element) => number): Element {
  for (let el = root.parentElement; el && el !== body; el = el.parentElement) {
    if (el.tagName !== SEMANTIC_ARTICLE_TAG) continue;
    return total(el) <= total(root) * (1 + WIDEN_MAX_EXTRA_SHARE) && !isExcludedWithin(el, body) ? el : root;
  }
  return root;
}

/** The nearest ancestor with the headline, when it is not the page's frame and adds little other prose. */
function widenToHeadline(root: Element, body: Element, total: (el: Element) => number): Element {
  if (root.querySelector('h1')) return root;
  let el = root.parentElement;
  for (let level = 0; level < HEADLINE_LEVELS && el && el !== body; level++, el = el.parentElement) {
    if (!el.querySelector('h1')) continue;
    const isArticleSized = total(el) <= total(root) * (1 + WIDEN_MAX_EXTRA_SHARE);
    return isArticleSized && !el.querySelector(PAGE_FRAME_SELECTOR) ? el : root;
  }
  return root;
}

/**
 * A page with little prose yet (a live blog that fills in later): the semantic container with the
 * most text, so what arrives later is read; null when there is none.
 */
function semanticContainer(doc: Document, body: Element): Element | null {
  for (const selector of ARTICLE_SELECTORS) {
    let best: Element | null = null;
    let bestLength = -1;
    for (const el of Array.from(doc.querySelectorAll(selector))) {
      if (el !== body && isExcludedWithin(el, body)) continue; // a teaser <article> inside an aside
      const length = el.textContent?.length ?? 0;
      if (length > bestLength) {
        best = el;
        bestLength = length;
      }
    }
    if (best) return best;
  }
  return null;
}

/** True when `el` lies inside the article root and outside its furniture. */
export function isInArticle(el: Element, root: Element): boolean {
  return (el === root || root.contains(el)) && !isExcludedWithin(el, root);
}
