/**
 * What the content script knows about how news pages are built: which elements usually hold the
 * article, which regions are page furniture, which elements are never touched. Selectors and names
 * live here, apart from the generic DOM helpers that use them (refined-github keeps site knowledge
 * apart the same way), so a new site pattern is a one-line change.
 */

/** Our own element names: markers and the card host. Everything we add to a page is one of these. */
export const MARK_TAG = 'coverage-lens-mark';
/** The element that hosts the card's shadow root. */
export const CARD_TAG = 'coverage-lens-card';

/** Elements that usually hold an article's body, most specific first. */
export const ARTICLE_SELECTORS: readonly string[] = [
  '[itemprop~="articleBody"]',
  'article',
  '[role="main"]',
  'main',
];

/** Elements that are page furniture by their tag name. */
export const FURNITURE_TAGS: ReadonlySet<string> = new Set(['NAV', 'FOOTER', 'ASIDE', 'FORM', 'DIALOG', 'MENU']);

/** Elements that are page furniture by their role. */
export const FURNITURE_ROLES: ReadonlySet<string> = new Set([
  'navigation',
  'complementary',
  'contentinfo',
  'banner',
  'search',
  'dialog',
  'alertdialog',
  'menu',
  'toolbar',
]);

/** Regions that are page furniture, never the article (unless one of them is the article root). */
export const FURNITURE_SELECTOR = [
  ...[...FURNITURE_TAGS].map((tag) => tag.toLowerCase()),
  ...[...FURNITURE_ROLES].map((role) => `[role="${role}"]`),
].join(',');

/** A native-selector approximation of furniture (tags, roles, comment and related-links names), for quick counts. */
export const FURNITURE_QUICK_SELECTOR = `${FURNITURE_SELECTOR},[class*="comment" i],[id*="comment" i],[class*="related" i],[id*="related" i]`;

/**
 * class/id words of furniture: comment sections, related-links lists, share bars, newsletters,
 * advertising. Matched against the whole class/id string ("comment" anywhere) or, for the short
 * advertising words, as whole tokens (so "header" or "loaded" never match "ad").
 */
export const FURNITURE_NAME_PATTERN =
  /comment|related|recommend|read-?more|more-?from|most-?(?:read|popular)|newsletter|share-?(?:bar|tools|buttons)|social-?(?:share|links)|promo|sponsor|advert|outbrain|taboola|(?:^|[\s_-])(?:ads?|ad-?slot|dfp)(?:$|[\s_-])/i;

/** Elements whose text is never read or wrapped (code, form controls, embedded documents, media). */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'OPTGROUP',
  'BUTTON',
  'TEMPLATE',
  'IFRAME',
  'FRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'MAP',
  'HEAD',
  'TITLE',
  // SVG and MathML elements report lower-case or namespaced tag names.
  'svg',
  'SVG',
  'math',
  'MATH',
  MARK_TAG.toUpperCase(),
  CARD_TAG.toUpperCase(),
]);

/**
 * Elements that flow inside a line of text. Every other element starts a block: a paragraph-level
 * unit whose text is scanned as one string.
 */
export const INLINE_TAGS: ReadonlySet<string> = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT', 'I', 'INS', 'KBD',
  'LABEL', 'MARK', 'Q', 'RUBY', 'RT', 'RP', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME',
  'TT', 'U', 'VAR', 'WBR', 'BIG', 'NOBR', 'ACRONYM', 'STRIKE', 'IMG', 'PICTURE', 'SOURCE', 'BR',
  MARK_TAG.toUpperCase(),
]);

/** Paragraph-level elements, used to find the blocks on screen quickly (a native query). */
export const BLOCK_SELECTOR = 'p,li,blockquote,h1,h2,h3,h4,h5,h6,figcaption,td,th,pre,dd,dt';
