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

/** Elements that usually hold an article's body, most specific first (the fallback while a page has little text yet). */
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

/**
 * class/id words of furniture that never holds the article, however much prose it has: comment
 * threads (their posts are paragraphs too), newsletter sign-ups and advertising. The short
 * advertising words match as whole tokens only, so "header" or "loaded" never match "ad".
 */
export const HARD_FURNITURE_NAME_PATTERN =
  /comment|disqus|replies|newsletter|advert|outbrain|taboola|(?:^|[\s_-])(?:ads?|ad-?slot|dfp)(?:$|[\s_-])/i;

/**
 * class/id/data-component words of things around or inside an article that are not its text:
 * related and "more stories" feeds, "most read" lists, share and follow tools, promotions and
 * sponsor lines, bylines, author bios and the meta line (author, date) under a headline, captions
 * and picture credits, video-player chrome and titles, charts and interactive graphics. Each word
 * must start a token ("article__byline", "image-credit"), never inside one ("timeshare", "flowchart").
 * Unlike the hard words, these never drop a container that holds article paragraphs: sites reuse
 * such names for the article itself (a "read-more" wrapper around the second half of the story).
 */
export const SOFT_FURNITURE_NAME_PATTERN = new RegExp(
  '(?:^|[\\s_-])(?:' +
    [
      'related', 'recommend', 'recirc', 'read-?more', 'read-?next', 'up-?next', 'see-?also', 'more-?(?:from|on|in|stories|news)',
      'most-?(?:read|popular|viewed|shared|watched)', 'popular', 'trending', 'onward',
      'share', 'sharing', 'social', 'follow',
      'promo', 'sponsor', 'partner', 'paid-?(?:post|content|for)', 'supported-?by', 'presented-?by',
      'byline', 'author', 'contributor', 'writer', 'bio', 'meta',
      'caption', 'credit', 'copyright', 'image-?source',
      'video', 'player', 'media-?(?:title|controls)', 'jw', 'vjs',
      'chart', 'graphic', 'infographic', 'interactive', 'ai2html', 'datawrapper', 'flourish', 'data-?viz',
    ].join('|') +
    ')',
  'i',
);

/**
 * How a line without any telling class or tag says it is not the story (English-language sites):
 * a byline ("By Jane Roe, political reporter"), a sponsor line ("Supported by …", "In partnership
 * with …"), a picture or video credit ("Photograph: …", "Picture by …", capitalised, and the "by"
 * form only opening the line or a sentence of it). dom-filters tries these only on short
 * paragraph-level lines, so a body sentence that happens to start "By Tuesday, …" (it ends in a
 * full stop, which a byline never does) or mentions "pictures by local children" is still read.
 */
export const BYLINE_PATTERN = /^By\s+\p{Lu}[^.!?…"”]*$/u;
/** A contribution line closing a story ("Additional reporting by …", "Edited by …"): see BYLINE_PATTERN. */
export const CONTRIBUTION_PATTERN = /^(?:Additional |Further )?(?:reporting|writing|words|research|editing|edited|compiled|produced|interviews?)(?: and \w+)? by\s+\p{Lu}/iu;
/** A sponsor or partnership line: see BYLINE_PATTERN. */
export const SPONSOR_PATTERN =
  /^(?:(?:Supported|Sponsored|Funded|Presented|Paid for|Brought to you|Produced in (?:association|partnership) with)\s+by|In (?:association|partnership) with)\b/i;
/** A picture, video or graphic credit, alone or closing a caption: see BYLINE_PATTERN. */
export const CREDIT_PATTERN =
  /(?:^|[\s.(|/])(?:Photograph|Photo|Picture|Image|Illustration|Video|Graphic|Footage)s?\s*:|(?:^|[.(|/]\s*)(?:Photograph|Photo|Picture|Image|Illustration|Video|Graphic|Footage)s?\s+by\b|^(?:Credit|Source)s?\s*:|^©/;

/** Media elements: a short line right beside one in a small wrapper is its caption or player title. */
export const MEDIA_TAGS: ReadonlySet<string> = new Set(['IMG', 'PICTURE', 'VIDEO', 'AUDIO', 'IFRAME', 'CANVAS', 'OBJECT', 'EMBED', 'svg', 'SVG']);

/** Elements that wrap a paragraph in emphasis: a paragraph that is all italic at the end of a story is a bio or editor's note. */
export const NOTE_EMPHASIS_TAGS: ReadonlySet<string> = new Set(['EM', 'I']);

/**
 * A chart's figure or a table-like grid cell: digits with at most a short unit ("41%", "£2.3bn",
 * "1,204", "+3 pts", "12 seats"), no words.
 */
export const FIGURE_CELL_PATTERN = /^[^\p{L}]*\d[^\p{L}]*(?:%|pts?|pp|k|m|bn|seats?|votes?)?[^\p{L}]*$/iu;

/** Elements that are never article text by their tag name (picture captions, author contact blocks). */
export const NOT_ARTICLE_TAGS: ReadonlySet<string> = new Set(['FIGCAPTION', 'ADDRESS']);

/** itemprop / rel tokens that mark an author or credit line (schema.org and HTML link types). */
export const AUTHOR_ATTRIBUTE_VALUES: ReadonlySet<string> = new Set(['author', 'creator', 'contributor', 'copyrightHolder']);

/** Attributes whose value names a component the way class names do (site frameworks use these). */
export const COMPONENT_NAME_ATTRIBUTES: readonly string[] = ['data-component', 'data-testid'];

/** The semantic article element: the root finder widens to it to take the headline, standfirst and byline block. */
export const SEMANTIC_ARTICLE_TAG = 'ARTICLE';

/** Headings that can be a teaser's headline (a link to another story) in a story feed. */
export const TEASER_HEADING_TAGS: ReadonlySet<string> = new Set(['H2', 'H3', 'H4', 'H5', 'H6']);

/** Page-wide navigation: an ancestor holding it is the page's frame, not the article. */
export const PAGE_FRAME_SELECTOR = 'nav,[role="navigation"],[role="banner"]';

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
/** The same elements by tag name (HTML elements' tagName), for a walk that tests each element itself. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set(BLOCK_SELECTOR.toUpperCase().split(','));
