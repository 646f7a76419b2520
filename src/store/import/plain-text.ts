/**
 * Markup to plain text. Imported text is text: every tag goes, script-like and embedded content
 * (script, style, svg, math, iframes, templates) goes with its contents, and what is left is
 * paragraphs of characters that are shown as text wherever they are displayed.
 */

/** Turns an HTML string into an inert Document; scripts in it never run (DOMParser semantics). */
export type HtmlParser = (html: string) => Document;

/** The DOMParser of the environment as an `HtmlParser`, or null where there is none (Node). */
export function defaultHtmlParser(): HtmlParser | null {
  if (typeof DOMParser === 'undefined') return null;
  const parser = new DOMParser();
  return (html) => parser.parseFromString(html, 'text/html');
}

// Elements whose contents are not article text (code, styles, graphics, embedded documents, controls).
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'frame', 'frameset', 'object', 'embed',
  'canvas', 'video', 'audio', 'picture', 'img', 'head', 'title', 'meta', 'link', 'select', 'option', 'textarea',
  'button', 'input', 'form',
]);

// Elements that start and end a paragraph.
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption',
  'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'td', 'th', 'tr', 'ul',
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** The paragraphs of text under `root`, each one line with its whitespace collapsed. */
export function paragraphsOf(root: Node): string[] {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const text = current.replace(/\s+/g, ' ').trim();
    if (text) paragraphs.push(text);
    current = '';
  };
  // Iterative walk: a hostile document nested thousands deep must not overflow the stack.
  const stack: Array<{ node: Node; leaving: boolean }> = [{ node: root, leaving: false }];
  while (stack.length) {
    const { node, leaving } = stack.pop()!;
    if (node.nodeType === TEXT_NODE) {
      current += node.nodeValue ?? '';
      continue;
    }
    const isElement = node.nodeType === ELEMENT_NODE;
    const tag = isElement ? (node as Element).localName.toLowerCase() : '';
    if (leaving) {
      if (BLOCKS.has(tag)) flush();
      continue;
    }
    if (isElement && SKIPPED.has(tag)) continue;
    if (BLOCKS.has(tag)) flush();
    stack.push({ node, leaving: true });
    // Template contents and comments are not children that carry text; text nodes and elements are.
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, leaving: false });
  }
  flush();
  return paragraphs;
}

// A tag, comment, doctype or processing instruction: "<b", "</p", "<!--", "<?xml".
const LOOKS_LIKE_MARKUP = /<[a-z!/?]/i;

// A tag that lays out paragraphs: its presence says the value is an HTML fragment, not text.
const HAS_BLOCK_TAG = /<(p|div|br|li|h[1-6]|blockquote|article|section|table|tr)\b/i;

/** True when a value holds anything an HTML parser would read as markup. */
export function hasMarkup(value: string): boolean {
  return LOOKS_LIKE_MARKUP.test(value);
}

/**
 * A field's value as plain text: returned unchanged when it holds no markup; otherwise parsed
 * (inertly) and reduced to its text, paragraphs joined by a blank line. Without a parser (Node),
 * tags are cut by pattern and character references are left as written: still text, never markup.
 */
export function toPlainText(value: string, parse: HtmlParser | null): string {
  if (!hasMarkup(value)) return value;
  if (parse) {
    // Text with a stray tag keeps its line breaks as paragraphs; an HTML fragment lays out its own.
    const html = HAS_BLOCK_TAG.test(value) ? value : value.replace(/\r\n?|\n/g, '<br>');
    return paragraphsOf(parse(html).body).join('\n\n');
  }
  let text = value;
  // Repeat until stable, so "<<b>script>" cannot reassemble a tag once the inner one is gone.
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(/<!--[\s\S]*?(-->|$)|<[a-z!/?][^>]*(>|$)/gi, ' ');
  }
  return text.replace(/[ \t]+/g, ' ').trim();
}
