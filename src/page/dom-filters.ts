/**
 * Generic predicates about elements: which are never touched, which are not the article's text
 * (page furniture, bylines, captions, feeds of other stories), which are blocks, and how much
 * article prose a paragraph carries. Shared by the article finder and the text map, so both read
 * a page the same way. Every test here reads the element and, at most, its own small subtree or
 * its nearest siblings: no style, no layout, nothing written.
 */
import {
  AUTHOR_ATTRIBUTE_VALUES,
  COMPONENT_NAME_ATTRIBUTES,
  FURNITURE_ROLES,
  FURNITURE_TAGS,
  HARD_FURNITURE_NAME_PATTERN,
  INLINE_TAGS,
  NOT_ARTICLE_TAGS,
  SKIPPED_TAGS,
  SOFT_FURNITURE_NAME_PATTERN,
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
/** Longest text of a list item that labels a list of links rather than being one ("Share this", "Follow us"). */
const LIST_LABEL_MAX_CHARS = 20;
/** Previous siblings looked at for a teaser's linked headline (headline, then perhaps a timestamp or kicker). */
const TEASER_SIBLING_STEPS = 2;

const SPACES = /\s+/;
const NOT_BLANK = /\S/;
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** True for elements whose subtree the extension never reads nor wraps. */
export function isUntouchable(el: Element): boolean {
  if (SKIPPED_TAGS.has(el.tagName)) return true;
  if (el.namespaceURI !== null && el.namespaceURI !== 'http://www.w3.org/1999/xhtml') return true;
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
 */
export function isFurniture(el: Element): boolean {
  return isStoryPointer(el) || isNamedFurniture(el);
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
function isStoryPointer(el: Element): boolean {
  switch (el.tagName) {
    case 'A':
      return el.firstElementChild !== null && el.querySelector('p,h1,h2,h3,h4,h5,h6,li,div') !== null;
    case 'UL':
    case 'OL':
      return isLinkList(el);
    case 'P':
      return (endsInLink(el) && linkShare(el) >= POINTER_LINK_SHARE) || followsTeaserHeadline(el);
    default:
      return TEASER_HEADING_TAGS.has(el.tagName) && isLinkedHeadline(el);
  }
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

/** Share of an element's text that sits inside links (0 when it has no text). */
function linkShare(el: Element): number {
  const total = textLength(el);
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
export function paragraphProse(p: Element, minChars: number): number {
  const length = textLength(p);
  if (length < minChars) return 0;
  // querySelector, not getElementsByTagName: no live collection is cached on every paragraph.
  const share = p.querySelector('a') ? linkedLength(p) / length : 0;
  if (share > MAX_PROSE_LINK_SHARE) return 0;
  if (followsTeaserHeadline(p) || p.parentElement?.closest('a,li') != null) return 0;
  return length * (1 - share);
}

/** True once `el` holds enough article paragraphs to be the story, whatever it is named (stops counting early). */
function holdsArticleParagraphs(el: Element): boolean {
  const paragraphs = el.getElementsByTagName('p');
  let count = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    if (paragraphProse(paragraphs[i], RESCUE_MIN_PARAGRAPH_CHARS) > 0 && ++count >= RESCUE_MIN_PARAGRAPHS) return true;
  }
  return false;
}

/** True for elements that start a paragraph-level block (anything that is not inline). */
export function isBlockElement(el: Element): boolean {
  return !INLINE_TAGS.has(el.tagName);
}

/** True when the text walk skips `el` with its subtree: untouchable, or not the article's text. */
export function isExcluded(el: Element): boolean {
  return isUntouchable(el) || isFurniture(el);
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
