/**
 * Generic predicates about elements: which are never touched, which are page furniture, which are
 * blocks. Shared by the article finder and the text map, so both read a page the same way.
 */
import { FURNITURE_NAME_PATTERN, FURNITURE_ROLES, FURNITURE_TAGS, INLINE_TAGS, SKIPPED_TAGS } from './site-knowledge';

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

/** True for page furniture: navigation, asides, footers, forms, comments, related links, ads. */
export function isFurniture(el: Element): boolean {
  // Tag and role tests in place of el.matches(FURNITURE_SELECTOR): the same verdict, no selector run.
  if (FURNITURE_TAGS.has(el.tagName)) return true;
  // A site header (masthead) is furniture; an article's own header (headline, standfirst) is not.
  if (el.tagName === 'HEADER' && !el.querySelector('h1') && !el.closest('article')) return true;
  if (!el.hasAttributes()) return false;
  const role = el.getAttribute('role');
  if (role !== null && FURNITURE_ROLES.has(role)) return true;
  const id = el.id;
  const cls = typeof el.className === 'string' ? el.className : el.getAttribute('class') ?? '';
  if (!id && !cls) return false;
  return FURNITURE_NAME_PATTERN.test(id) || FURNITURE_NAME_PATTERN.test(cls);
}

/** True for elements that start a paragraph-level block (anything that is not inline). */
export function isBlockElement(el: Element): boolean {
  return !INLINE_TAGS.has(el.tagName);
}

/**
 * True when `el` or an ancestor below `root` is untouchable or furniture (the root itself is never
 * judged: a form or aside that is the article is still the article).
 */
export function isExcludedWithin(el: Element, root: Element): boolean {
  for (let node: Element | null = el; node && node !== root; node = node.parentElement) {
    if (isUntouchable(node) || isFurniture(node)) return true;
  }
  return false;
}
