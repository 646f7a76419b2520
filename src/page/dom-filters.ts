/**
 * Generic predicates about elements: which are never touched, which are not the article's text
 * (page furniture, bylines, captions, feeds of other stories), which are blocks, and how much
 * article prose a paragraph carries. Shared by the article finder and the text map, so both read
 * a page the same way. Every test here reads the element and, at most, its own small subtree or
 * its nearest siblings: no style, no layout, nothing written.
 */
import {
  AUTHOR_ATTRIBUTE_VALUES,
  BYLINE_PATTERN,
  COMPONENT_NAME_ATTRIBUTES,
  CONTRIBUTION_PATTERN,
  CREDIT_PATTERN,
  FIGURE_CELL_PATTERN,
  FURNITURE_ROLES,
  FURNITURE_TAGS,
  HARD_FURNITURE_NAME_PATTERN,
  INLINE_TAGS,
  MEDIA_TAGS,
  NOT_ARTICLE_TAGS,
  NOTE_EMPHASIS_TAGS,
  SKIPPED_TAGS,
  SOFT_FURNITURE_NAME_PATTERN,
  SPONSOR_PATTERN,
  TEASER_HEADING_TAGS,
} from './site-knowledge';

/**
 * Share of a paragraph's text inside links above which it points elsewhere rather than telling the
 * story (readability's link-density idea; a body paragraph with a few inline links stays far below).
 */
const MAX_PROSE_LINK_SHARE = 0.5;
/**
 * Share of a heading's, paragraph's or list item's text inside links at which it is a link to
 * another page: a short label before a headline-length link ("Read more: <headline>", 10-15
 * characters before 40-80) is 0.73-0.89 link; a body sentence that merely ends in a link is far less.
 */
const POINTER_LINK_SHARE = 0.7;
/**
 * Article paragraphs a container with a furniture name must hold to be kept as article text. A
 * byline, bio, caption, credit or sponsor note runs to one or two paragraphs; a continuation
 * wrapper ("read more" around the second half of a story) holds several.
 */
const RESCUE_MIN_PARAGRAPHS = 3;
/** Characters a paragraph needs to count toward that rescue: a sentence or two of body text, longer than a credit line. */
const RESCUE_MIN_PARAGRAPH_CHARS = 80;
/**
 * One paragraph at least this long also keeps a furniture-named container as article text: about
 * 55 words, three or more sentences, longer than a byline, credit, caption or sponsor note (one or
 * two sentences, 20-200 characters) and than a one-line bio; a body paragraph of a brief or a
 * highlight-to-share wrapper ("sharing-enabled") around one paragraph runs 300-600.
 */
const RESCUE_LONG_PARAGRAPH_CHARS = 320;
/** Longest byline or sponsor line: a name or two, a job title and a date (a body sentence is longer or ends in a full stop). */
const SHORT_LINE_MAX_CHARS = 140;
/** Longest caption read as one: a sentence about the picture and a credit (a body paragraph beside a picture is longer). */
const CAPTION_MAX_CHARS = 220;
/** Most element children of a picture's small wrapper (picture, caption, credit): a story's container holds many more. */
const FIGURE_MAX_CHILDREN = 3;
/** Longest text of one cell of a chart's label grid ("Ann Example (withdrawn)", "41%"). */
const GRID_CELL_MAX_CHARS = 40;
/** Most cells a label grid is read through for (a longer run of short cells is a list, left to the other tests). */
const GRID_MAX_CELLS = 60;
/**
 * Share of a grid's non-empty cells that must be figures: a chart pairs each label with a value (1/2,
 * or 1/3 with a bar label); a row of short words without figures (a tag list, a date line) is not a chart.
 */
const GRID_MIN_FIGURE_SHARE = 1 / 3;
/** Characters of separators (a colon, a dash; white space not counted) a label grid's own text may add per cell. */
const GRID_SEPARATOR_CHARS = 2;
/** Most children of a chart's box: a title, the grid, a source note and a key. */
const CHART_BOX_MAX_CHILDREN = 4;
/** Most element children of a story card (overlay link, picture, kicker, headline, summary, time). */
const CARD_MAX_CHILDREN = 6;
/** Longest text of a story card: a headline and a summary of a sentence or two. */
const CARD_MAX_CHARS = 400;
/** Longest text of a list item that labels a list of links rather than being one ("Share this", "Follow us"). */
const LIST_LABEL_MAX_CHARS = 20;
/** Previous siblings looked at for a teaser's linked headline (headline, then perhaps a timestamp or kicker). */
const TEASER_SIBLING_STEPS = 2;

/** Table parts: never taken for a chart's label grid. */
const TABLE_PART_TAGS: ReadonlySet<string> = new Set(['TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR']);
const SPACES = /\s+/;
const SPACE_RUNS = /\s+/g;
/** White space that collapsing or trimming would shorten: a run of two or more, or any at either end. */
const COLLAPSIBLE = /\s\s|^\s|\s$/;
const NOT_BLANK = /\S/;
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** True for an element of the HTML namespace (or of none): SVG and MathML are never read. */
function isHtmlElement(el: Element): boolean {
  const ns = el.namespaceURI;
  return ns === null || ns === 'http://www.w3.org/1999/xhtml';
}

/** True for elements whose subtree the extension never reads nor wraps. */
export function isUntouchable(el: Element): boolean {
  if (SKIPPED_TAGS.has(el.tagName)) return true;
  if (!isHtmlElement(el)) return true;
  // Most elements of a page carry no attributes at all: nothing more to read for them.
  if (!el.hasAttributes()) return false;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  if (el.hasAttribute('hidden') || el.hasAttribute('inert')) return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  return false;
}

/**
 * True for what is not the article's text: page furniture (navigation, asides, footers, forms,
 * comments, ads), feeds and links to other stories, share lists, bylines and bios, captions and
 * credits, sponsor lines, video-player chrome, chart labels. A container named like furniture that
 * holds article paragraphs is not furniture (its name is the site's, its content is the story).
 * `text`: the element's textContent when the caller has read it.
 */
export function isFurniture(el: Element, text?: string): boolean {
  // A furniture tag first (the tests are pure, so the order changes no verdict): an aside or a
  // footer is then not read for the shape of a story card or a link list first.
  const tag = el.tagName;
  if (FURNITURE_TAGS.has(tag)) return true;
  // An inline element with no element inside (a link, an emphasis, a name in a span: most of the
  // elements an article's paragraphs hold, about two for each paragraph on the bench pages) has no
  // card, list, grid, line or heading shape for the other tests to find (each needs element
  // children or a p, div or heading): only its names can make it furniture. Same verdict, without
  // their child counts and tag tests for every link and emphasis the text walk enters.
  if (INLINE_TAGS.has(tag) && el.firstElementChild === null) return isNamedFurniture(el);
  return isStoryPointer(el, text) || isNamedFurniture(el) || isUnlabelledFurniture(el, text);
}

/**
 * Furniture that has no telling tag or name, known by its text or shape: a byline, sponsor or
 * credit line, a caption or player title right beside a picture or video in a small wrapper, an
 * all-italic closing note (author bio, editor's note), a grid of chart labels and figures.
 * Only paragraph-level lines (a p, or a div holding only inline content) have their text read.
 */
function isUnlabelledFurniture(el: Element, known?: string): boolean {
  const tag = el.tagName;
  // A table is the article's own data (readers and reader modes keep it); a chart's grid is drawing.
  // A p is a sentence, not a chart: body paragraphs, the most common element, skip the grid tests
  // (and the count of their children, which only those tests read).
  if (TABLE_PART_TAGS.has(tag)) return false;
  if (tag !== 'P') {
    // Counted up to the largest bound asked below (a grid's cells).
    const children = childCountUpTo(el, GRID_MAX_CELLS);
    if (children >= 2 && children <= GRID_MAX_CELLS && isLabelGrid(el)) return true;
    if (children >= 2 && children <= CHART_BOX_MAX_CHILDREN && isChartBox(el)) return true;
  }
  // A heading right under a video or picture in its small wrapper is the player's or gallery's title.
  if (TEASER_HEADING_TAGS.has(tag)) return isBesideMedia(el) && shortTextOf(el, CAPTION_MAX_CHARS) !== null;
  if (tag !== 'P' && (tag !== 'DIV' || !holdsOnlyInline(el))) return false;
  const text = shortLineText(el, CAPTION_MAX_CHARS, known);
  if (text === '') return false;
  if (text !== null) {
    if (text.length <= SHORT_LINE_MAX_CHARS && (BYLINE_PATTERN.test(text) || SPONSOR_PATTERN.test(text) || CONTRIBUTION_PATTERN.test(text))) return true;
    if (CREDIT_PATTERN.test(text) || isBesideMedia(el)) return true;
  }
  return tag === 'P' && isClosingNote(el);
}

/**
 * The text of `el` with white space collapsed and trimmed, or null as soon as it is longer than
 * `max`: the tests on short lines and cells run on every paragraph and wrapper the walk enters, and
 * stop reading at the first long text node instead of reading a whole subtree's text.
 */
function shortTextOf(el: Element, max: number): string | null {
  let raw = '';
  let node: Node | null = el.firstChild;
  while (node) {
    if (node.nodeType === TEXT_NODE) {
      raw += node.nodeValue ?? '';
      // Source indentation inflates the raw length: collapse only when it may be over the limit,
      // and only when there is white space to collapse (a body paragraph's text, the usual long
      // one, has none: its length is already the collapsed length, and no copy of it is made).
      if (raw.length > max && (!COLLAPSIBLE.test(raw) || raw.replace(SPACE_RUNS, ' ').trim().length > max)) return null;
    }
    if (node.firstChild) node = node.firstChild;
    else {
      while (node && node !== el && !node.nextSibling) node = node.parentNode;
      node = node && node !== el ? node.nextSibling : null;
    }
  }
  return raw.replace(SPACE_RUNS, ' ').trim();
}

/**
 * shortTextOf for a paragraph-level line (a p, or a div holding only inline content): the same
 * value (what shortTextOf builds is the element's textContent, and a prefix over the limit means
 * the whole is), read in one native call instead of a step per node: 1.1 ms against 3.6 ms for
 * the 20,000-word bench page's article paragraphs, cold, in headless Chromium. Not for containers:
 * a story's wrapper would be copied whole to learn that its text is long.
 */
function shortLineText(el: Element, max: number, known?: string): string | null {
  const raw = known ?? el.textContent ?? '';
  if (raw.length > max && !COLLAPSIBLE.test(raw)) return null;
  const text = raw.replace(SPACE_RUNS, ' ').trim();
  return text.length > max ? null : text;
}

/** True when a line shares a small wrapper with a picture or video before it (its caption, credit or title). */
function isBesideMedia(el: Element): boolean {
  const parent = el.parentElement;
  if (!parent || !hasAtMostChildren(parent, FIGURE_MAX_CHILDREN)) return false;
  for (let sibling = el.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
    if (MEDIA_TAGS.has(sibling.tagName)) return true;
    // A wrapper around the picture (a lazy-load box, a player frame) that has no text of its own.
    if (shortTextOf(sibling, 0) === '' && sibling.querySelector('img,picture,video,iframe,canvas,svg') !== null) return true;
  }
  return false;
}

/**
 * True when `el` has at most `max` element children. Counted only up to max + 1: childElementCount
 * walks every child, and this is asked of each short line's parent, which for an article of flat
 * paragraphs is the article itself (hundreds of children, once per line).
 */
function hasAtMostChildren(el: Element, max: number): boolean {
  return childCountUpTo(el, max) <= max;
}

/**
 * The element's child element count, or max + 1 when it has more: childElementCount walks every
 * child, and the furniture tests ask it of every container they judge, the article itself among
 * them (about 4,300 children on the bench's 200,000-word page: its hottest source line was
 * isStoryCard's count, CDP profile, 2 ms a load).
 */
function childCountUpTo(el: Element, max: number): number {
  let count = 0;
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) if (++count > max) break;
  return count;
}

/**
 * True for a paragraph that is all italic with no body paragraph after it: the author's bio or an
 * editor's note closing a story ("Jane Roe is our political editor"). Bold paragraphs are not
 * taken: interviews set their questions in bold.
 */
function isClosingNote(p: Element): boolean {
  if (!isAllEmphasis(p)) return false;
  for (let sibling = p.nextElementSibling; sibling; sibling = sibling.nextElementSibling) {
    if (sibling.tagName === 'P' && !isAllEmphasis(sibling) && textLength(sibling) >= RESCUE_MIN_PARAGRAPH_CHARS) return false;
  }
  return true;
}

/** True when an element's only content (white space aside) is one em or i element. */
function isAllEmphasis(el: Element): boolean {
  const only = el.firstElementChild;
  if (!only || only !== el.lastElementChild || !NOTE_EMPHASIS_TAGS.has(only.tagName)) return false;
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === TEXT_NODE && NOT_BLANK.test(node.nodeValue ?? '')) return false;
  }
  return true;
}

/**
 * True for a chart drawn as a grid of short cells (a label, its figure), with no chart class or
 * SVG: every child is short, a share of the non-empty ones are figures, and the element has no
 * text of its own outside its cells but separators. A sentence with a few short links or figures in it fails the last test.
 */
function isLabelGrid(el: Element): boolean {
  let cells = 0;
  let figures = 0;
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
    const text = shortTextOf(child, GRID_CELL_MAX_CHARS);
    if (text === null) return false;
    if (text.length === 0) continue;
    cells++;
    if (FIGURE_CELL_PATTERN.test(text)) figures++;
  }
  if (cells < 2 || figures === 0 || figures < cells * GRID_MIN_FIGURE_SHARE) return false;
  let ownText = 0;
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === TEXT_NODE) ownText += (node.nodeValue ?? '').trim().length;
  }
  return ownText <= cells * GRID_SEPARATOR_CHARS;
}

/** True for a chart's box: a label grid with nothing but short lines (title, source note) beside it. */
function isChartBox(el: Element): boolean {
  let grid = false;
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
    if (!grid && child.firstElementChild !== null && hasAtMostChildren(child, GRID_MAX_CELLS) && isLabelGrid(child)) grid = true;
    else if (shortTextOf(child, SHORT_LINE_MAX_CHARS) === null) return false;
  }
  return grid;
}

/** True when no child element of `el` starts a block (a div used as a paragraph). */
export function holdsOnlyInline(el: Element): boolean {
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
    if (isBlockElement(child)) return false;
  }
  return true;
}

/**
 * The part of isFurniture that reads only the element's own tag and attributes (and, for a
 * furniture name, whether it holds article paragraphs): the article finder's verdict on a
 * paragraph it has already judged as prose, without reading the paragraph's links twice.
 */
export function isNamedFurniture(el: Element): boolean {
  const tag = el.tagName;
  // Tag and role tests in place of el.matches(selector): the same verdict, no selector run.
  if (FURNITURE_TAGS.has(tag) || NOT_ARTICLE_TAGS.has(tag)) return true;
  // A site header (masthead) is furniture; an article's own header (headline, standfirst) is not.
  if (tag === 'HEADER' && !el.querySelector('h1') && !el.closest('article')) return true;
  if (!el.hasAttributes()) return false;
  const role = el.getAttribute('role');
  if (role !== null && FURNITURE_ROLES.has(role)) return true;
  if (hasAuthorToken(el.getAttribute('itemprop')) || hasAuthorToken(el.getAttribute('rel'))) return true;
  const names = nameOf(el);
  if (!names) return false;
  if (HARD_FURNITURE_NAME_PATTERN.test(names)) return true;
  return SOFT_FURNITURE_NAME_PATTERN.test(names) && !holdsArticleParagraphs(el);
}

/** True when a space-separated itemprop or rel value names an author or credit ("author creator"). */
function hasAuthorToken(value: string | null): boolean {
  if (!value) return false;
  for (const token of value.split(SPACES)) if (AUTHOR_ATTRIBUTE_VALUES.has(token)) return true;
  return false;
}

/** The element's id, class and component names as one string ('' when it has none). */
function nameOf(el: Element): string {
  const cls = typeof el.className === 'string' ? el.className : el.getAttribute('class') ?? '';
  let names = el.id ? `${el.id} ${cls}` : cls;
  for (const attribute of COMPONENT_NAME_ATTRIBUTES) {
    const value = el.getAttribute(attribute);
    if (value) names += ` ${value}`;
  }
  return names;
}

/**
 * True for a link to another story rather than text of this one: a link wrapping a card (headline
 * and summary), a headline that is a link, a list whose every item is a link (share and follow
 * buttons, "most read"), a paragraph that is all link ("Read more: …"), and a teaser's summary
 * right after its linked headline.
 */
function isStoryPointer(el: Element, text?: string): boolean {
  switch (el.tagName) {
    case 'A':
      return el.firstElementChild !== null && el.querySelector('p,h1,h2,h3,h4,h5,h6,li,div') !== null;
    case 'UL':
    case 'OL':
      return isLinkList(el);
    case 'P':
      return isLinkLine(el, text) || followsTeaserHeadline(el);
    case 'DIV':
      // A div holding only inline content is a paragraph, and is judged as one.
      if (holdsOnlyInline(el)) return isLinkLine(el, text) || followsTeaserHeadline(el);
      return isStoryCard(el);
    default:
      return TEASER_HEADING_TAGS.has(el.tagName) ? isLinkedHeadline(el) : isStoryCard(el);
  }
}

/** A line that is all link ("Read more: …", a row of share links written as a div). */
function isLinkLine(el: Element, text?: string): boolean {
  return endsInLink(el) && linkShare(el, text) >= POINTER_LINK_SHARE;
}

/**
 * A story card in a feed that link density cannot tell by its headline: a small element whose link
 * is an empty anchor laid over it (headline and summary carry no link text) beside a heading, or
 * whose title is a linked headline or a plain line that is all link to another page (a div or p),
 * or a link above a summary block (the summary may sit in a wrapper of its own, out of reach of
 * followsTeaserHeadline).
 */
function isStoryCard(el: Element): boolean {
  const children = childCountUpTo(el, CARD_MAX_CHILDREN);
  if (children < 2 || children > CARD_MAX_CHILDREN) return false;
  let overlay = false;
  let title: Element | null = null;
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
    if (child.tagName === 'A' && shortTextOf(child, 0) === '' && pointsElsewhere(child)) overlay = true;
    else if (title === null && shortTextOf(child, 0) !== '') title = child;
  }
  const hasTitleLink =
    title !== null && (isLinkedTitle(title) || isLinkAboveSummary(title) || (TEASER_HEADING_TAGS.has(title.tagName) && isLinkedHeadline(title)));
  if ((!overlay && !hasTitleLink) || shortTextOf(el, CARD_MAX_CHARS) === null) return false;
  return hasTitleLink || el.querySelector('h2,h3,h4,h5,h6') !== null;
}

/**
 * A link to another page that is a card's title because a summary block follows it (an <a> around
 * the picture and headline, then a p): a linked name in a body list has no block after it.
 */
function isLinkAboveSummary(link: Element): boolean {
  if (link.tagName !== 'A' || !pointsElsewhere(link)) return false;
  for (let sibling = link.nextElementSibling; sibling; sibling = sibling.nextElementSibling) {
    if (isBlockElement(sibling) && shortTextOf(sibling, 0) !== '') return true;
  }
  return false;
}

/** A paragraph-level line (p or div) that is all link, to another page. */
function isLinkedTitle(line: Element): boolean {
  if ((line.tagName !== 'P' && line.tagName !== 'DIV') || !holdsOnlyInline(line) || !isLinkLine(line)) return false;
  const link = line.querySelector('a');
  return link !== null && pointsElsewhere(link);
}

/**
 * True when a paragraph's text starts or ends with a link (its first or last node, white space
 * aside, is a link or wraps one): the only shape a paragraph that is all link can have, found
 * without a query or reading its text (the text walk asks this of every paragraph).
 */
function endsInLink(p: Element): boolean {
  return isLinkEdge(p.firstChild, true) || isLinkEdge(p.lastChild, false);
}

/** True when the first non-blank node from `node` (walking forward or back) is a link or wraps one. */
function isLinkEdge(node: ChildNode | null, forward: boolean): boolean {
  while (node && node.nodeType === TEXT_NODE && !NOT_BLANK.test(node.nodeValue ?? '')) node = forward ? node.nextSibling : node.previousSibling;
  if (!node || node.nodeType !== ELEMENT_NODE) return false;
  const el = node as Element;
  return el.tagName === 'A' || el.firstElementChild?.tagName === 'A';
}

/**
 * A heading whose text is a link to another page. A link into this page (an in-page anchor, a live
 * blog entry's permalink) makes a section or entry heading, not a teaser.
 */
function isLinkedHeadline(heading: Element): boolean {
  const link = heading.querySelector('a');
  return link !== null && pointsElsewhere(link) && linkShare(heading) >= POINTER_LINK_SHARE;
}

/** True when a link leads to another page than the one it is on. */
function pointsElsewhere(link: Element): boolean {
  const href = link.getAttribute('href');
  if (!href || href.startsWith('#')) return false;
  const here = link.ownerDocument.location;
  if (!here) return true;
  try {
    return new URL(href, here.href).pathname !== here.pathname;
  } catch {
    return true;
  }
}

/** True for a paragraph that comes right after a linked headline (a teaser's summary in a feed). */
function followsTeaserHeadline(p: Element): boolean {
  let sibling = p.previousElementSibling;
  for (let step = 0; sibling && step < TEASER_SIBLING_STEPS; step++, sibling = sibling.previousElementSibling) {
    if (TEASER_HEADING_TAGS.has(sibling.tagName) && isLinkedHeadline(sibling)) return true;
    if (sibling.tagName === 'A' && isStoryPointer(sibling)) return true;
  }
  return false;
}

/**
 * True for a list of links: every item is (almost) all link or a short label ("Share:"), and at
 * least one is a link.
 */
function isLinkList(list: Element): boolean {
  let links = 0;
  for (let item = list.firstElementChild; item; item = item.nextElementSibling) {
    if (item.tagName !== 'LI') continue;
    const length = textLength(item);
    if (length === 0) continue;
    if (item.querySelector('a') !== null && linkShare(item) >= POINTER_LINK_SHARE) links++;
    else if (length > LIST_LABEL_MAX_CHARS) return false;
  }
  return links > 0;
}

/** Text length without the white space around it (indentation in the source is not text). */
function textLength(el: Element): number {
  return (el.textContent ?? '').trim().length;
}

/** Share of an element's text (`text`: its textContent when known) that sits inside links (0 when it has no text). */
function linkShare(el: Element, text?: string): number {
  const total = text === undefined ? textLength(el) : text.trim().length;
  return total === 0 ? 0 : Math.min(1, linkedLength(el) / total);
}

/** Characters of an element's text inside its links. */
function linkedLength(el: Element): number {
  const links = el.querySelectorAll('a');
  let linked = 0;
  for (let i = 0; i < links.length; i++) linked += textLength(links[i]);
  return linked;
}

/**
 * How much article prose a paragraph carries: its length with link text discounted, or 0 when it
 * is shorter than `minChars`, mostly links, or a teaser in a feed (inside a link or a list item,
 * or under a linked headline). The article finder scores containers with this.
 */
export function paragraphProse(p: Element, minChars: number, inLinkOrItem: (parent: Element) => boolean = isInLinkOrItem): number {
  const length = textLength(p);
  if (length < minChars) return 0;
  // One static query of the links (no live collection cached on every paragraph): none, no share.
  const share = linkedLength(p) / length;
  if (share > MAX_PROSE_LINK_SHARE) return 0;
  const parent = p.parentElement;
  if (followsTeaserHeadline(p) || (parent !== null && inLinkOrItem(parent))) return 0;
  return length * (1 - share);
}

/** True when `el` is, or lies inside, a link or a list item (a paragraph there is a teaser's, not the story's). */
function isInLinkOrItem(el: Element): boolean {
  return el.closest('a,li') !== null;
}

/**
 * isInLinkOrItem remembered per element for one pass over a page's paragraphs: paragraphs share
 * their parents, and the selector walk up every ancestor cost 3.9 ms per pass on the bench's
 * 200,000-word page (headless Chromium, cold, load 8), asked once per paragraph.
 */
export function linkOrItemMemo(): (el: Element) => boolean {
  const known = new Map<Element, boolean>();
  return (el) => {
    let value = known.get(el);
    if (value === undefined) known.set(el, (value = isInLinkOrItem(el)));
    return value;
  };
}

/**
 * True once `el` holds enough article paragraphs to be the story, whatever it is named: several
 * paragraphs, or one long one; a paragraph is a p or a div holding only inline content (stops early).
 */
function holdsArticleParagraphs(el: Element): boolean {
  const paragraphs = el.querySelectorAll('p,div');
  let count = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    if (p.tagName === 'DIV' && !holdsOnlyInline(p)) continue;
    const prose = paragraphProse(p, RESCUE_MIN_PARAGRAPH_CHARS);
    if (prose >= RESCUE_LONG_PARAGRAPH_CHARS || (prose > 0 && ++count >= RESCUE_MIN_PARAGRAPHS)) return true;
  }
  return false;
}

/** True for elements that start a paragraph-level block (anything that is not inline). */
export function isBlockElement(el: Element): boolean {
  return !INLINE_TAGS.has(el.tagName);
}

/**
 * Every attribute the verdicts on an inline element with no element inside read (isUntouchable,
 * isNamedFurniture): one that has none of them is judged by its tag alone.
 */
const JUDGED_ATTRIBUTES: ReadonlySet<string> = new Set(['aria-hidden', 'hidden', 'inert', 'contenteditable', 'role', 'itemprop', 'rel', 'id', 'class', ...COMPONENT_NAME_ATTRIBUTES]);

/** True when `el` has an attribute JUDGED_ATTRIBUTES names (any case: a name in another case only costs the full test). */
function hasJudgedAttribute(el: Element): boolean {
  if (!el.hasAttributes()) return false;
  for (const name of el.getAttributeNames()) if (JUDGED_ATTRIBUTES.has(name.toLowerCase())) return true;
  return false;
}

/**
 * True when the text walk skips `el` with its subtree: untouchable, or not the article's text.
 * `text`: the element's textContent when the caller has read it (the tests read it from there).
 */
export function isExcluded(el: Element, text?: string): boolean {
  const tag = el.tagName;
  // An inline element with no element inside (a link, an emphasis: about two for each paragraph
  // on the bench pages, each judged as the text walk enters it) and none of the attributes the
  // tests read: the same verdict from its tag, with one read of its attribute names in place of
  // the ten attribute reads of the full tests (a link's href is all it has). Bench page of
  // 20,000 words: the walk's inline elements cost 2.4 ms of thread CPU a scan (read-cpu.ts, the
  // tests left out for them), most of it those reads.
  if (INLINE_TAGS.has(tag) && el.firstElementChild === null && !hasJudgedAttribute(el)) {
    return SKIPPED_TAGS.has(tag) || FURNITURE_TAGS.has(tag) || NOT_ARTICLE_TAGS.has(tag) || !isHtmlElement(el);
  }
  return isUntouchable(el) || isFurniture(el, text);
}

/** Inline tags a plain line may hold: INLINE_TAGS but a line break (it adds a '\n' of its own) and the untouchable ones (our markers). */
const PLAIN_INLINE_TAGS: ReadonlySet<string> = new Set([...INLINE_TAGS].filter((tag) => tag !== 'BR' && !SKIPPED_TAGS.has(tag)));
/** Any element with an attribute JUDGED_ATTRIBUTES names (attribute names match in any case, as hasJudgedAttribute's lower-casing). */
const JUDGED_ATTRIBUTE_SELECTOR = [...JUDGED_ATTRIBUTES].map((name) => `[${name}]`).join(',');

/** True for a plain inline element: PLAIN_INLINE_TAGS, HTML, and at most one element inside it, itself plain. */
function isPlainInline(el: Element): boolean {
  if (!PLAIN_INLINE_TAGS.has(el.tagName) || !isHtmlElement(el)) return false;
  const only = el.firstElementChild;
  // Two elements inside an inline element are the shape of a chart's label grid: judged in full.
  return only === null || (only.nextElementSibling === null && isPlainInline(only));
}

/**
 * True when everything under `el` is text and plain inline elements without an attribute the tests
 * read: isExcluded is false for each of them (the tag test of an inline leaf; with one element
 * inside, the full tests find no card, grid, list, name or untouchable mark either), and none
 * starts a block or adds a line break, so the element's text, as the text walk reads it, is its
 * textContent. One native attribute query stands for every element's attribute read.
 */
export function isPlainLine(el: Element): boolean {
  const first = el.firstElementChild;
  if (first === null) return true;
  for (let child: Element | null = first; child; child = child.nextElementSibling) if (!isPlainInline(child)) return false;
  return el.querySelector(JUDGED_ATTRIBUTE_SELECTOR) === null;
}

/**
 * True when `el` or an ancestor below `root` is untouchable or furniture (the root itself is never
 * judged: a form or aside that is the article is still the article).
 */
export function isExcludedWithin(el: Element, root: Element): boolean {
  for (let node: Element | null = el; node && node !== root; node = node.parentElement) {
    if (isExcluded(node)) return true;
  }
  return false;
}
