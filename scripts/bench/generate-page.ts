/**
 * Generates a realistic news page of a given number of article words: masthead, navigation,
 * trending links, an article whose paragraphs carry links and emphasis, related-link asides,
 * advertisement slots, sub-headings, a sidebar, a comment thread and a footer.
 *
 * Article prose recombines sentences of the seeds (so the corpus's people, claims and quotes occur
 * at a realistic density) with generic filler sentences that carry invented names and figures the
 * corpus does not know (so the matcher also sees capitalised words and numbers that must NOT
 * match). Deterministic: the same options give byte-identical HTML.
 */
import { inventedNames } from './names';
import { createRng, type Rng } from './rng';
import { countWords, readSeeds, type SeedArticle } from './seed-text';

/** Options for one generated page. */
export interface PageOptions {
  /** Target number of article words (headline, standfirst and body paragraphs). */
  words: number;
  /** Random seed. */
  seed?: number;
  /** Share of article sentences taken from the seeds (the rest is filler). */
  seedShare?: number;
  /** Seeds to recombine (read from seeds/ when omitted). */
  seeds?: SeedArticle[];
}

/** A generated page. */
export interface GeneratedPage {
  html: string;
  /** Words in the article (what the size targets). */
  articleWords: number;
  /** Words in the whole page, furniture and comments included. */
  pageWords: number;
  /** The article's prose as plain text, paragraphs joined by blank lines (for Node throughput). */
  articleText: string;
  /** How many article sentences came from the seeds. */
  seedSentences: number;
}

const SECTIONS = ['News', 'UK', 'World', 'Politics', 'Business', 'Science', 'Health', 'Education', 'Opinion',
  'Sport', 'Culture', 'Books', 'Music', 'Film', 'Travel', 'Money', 'Technology', 'Environment', 'Weather',
  'Obituaries', 'Crosswords', 'Podcasts', 'Video', 'Letters', 'Corrections'];

const SUBJECTS = ['The council', 'A spokesperson for the transport authority', 'Local residents', 'The committee',
  'Officials', 'Campaigners', 'The regulator', 'Several economists', 'The hospital trust', 'Union representatives',
  'A senior civil servant', 'Opposition councillors', 'The charity', 'Analysts at the bank', 'Teachers',
  'The inquiry', 'Business leaders', 'The board', 'Volunteers', 'The school governors'];
const VERBS = ['said', 'warned', 'argued', 'confirmed', 'suggested', 'insisted', 'acknowledged', 'claimed',
  'announced', 'denied', 'reported', 'estimated'];
const CLAUSES = [
  'the new budget would be reviewed before the summer recess',
  'the scheme had cost more than expected in its first year',
  'waiting times had risen sharply since the spring',
  'the proposals would be put out to public consultation',
  'the decision was taken after months of negotiation',
  'there was no evidence the figures had been misreported',
  'the funding gap would widen unless action was taken',
  'the road would remain closed until repairs were finished',
  'the consultation had drawn an unusually large response',
  'the plans were unlikely to survive a legal challenge',
  'the service would be restored by the end of the month',
  'it was too early to say what had caused the delay',
  'the figures pointed to a slowdown in the wider economy',
  'the local elections would be a test of the new strategy',
  'the report had been shared with ministers last week',
];
const TIMES = ['on Tuesday', 'last week', 'earlier this month', 'on Friday evening', 'in a statement',
  'at a press briefing', 'in an interview', 'overnight', 'on Monday morning', 'in a written answer'];
const UNITS = ['per cent', 'households', 'jobs', 'pupils', 'miles', 'beds', 'homes', 'passengers', 'signatures'];
const COMMENT_OPENERS = ['Exactly this.', 'I could not disagree more.', 'Has anyone actually read the report?',
  'Same story every year.', 'Interesting piece, thanks.', 'This misses the point entirely.',
  'Well said.', 'Not sure the numbers add up here.', 'About time someone said it.'];

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function figure(rng: Rng, kind = rng.int(0, 3), unit = rng.pick(UNITS)): string {
  switch (kind) {
    case 0: return `${rng.int(2, 95)} ${unit}`;
    case 1: return `£${rng.int(1, 40)}.${rng.int(1, 9)}m`;
    case 2: return `${rng.int(1, 9)},${String(rng.int(0, 999)).padStart(3, '0')} ${unit}`;
    default: return `${rng.int(11, 89)}%`;
  }
}

function person(rng: Rng): string {
  const { first, last } = inventedNames();
  return rng.chance(0.5) ? `${rng.pick(first)} ${rng.pick(last)}` : `${rng.pick(['Mr', 'Ms', 'Dr'])} ${rng.pick(last)}`;
}

/** One generic filler sentence; some carry an invented person, some a figure, some a quote. */
function fillerSentence(rng: Rng): string {
  const isPerson = rng.chance(0.3);
  const who = isPerson ? person(rng) : rng.pick(SUBJECTS);
  const whoInside = isPerson ? who : who[0].toLowerCase() + who.slice(1);
  switch (rng.int(0, 4)) {
    case 0: return `${who} ${rng.pick(VERBS)} ${rng.pick(TIMES)} that ${rng.pick(CLAUSES)}.`;
    case 1: return `According to ${whoInside}, ${rng.pick(CLAUSES)}, affecting about ${figure(rng, rng.chance(0.5) ? 0 : 2)}.`;
    case 2: return `"We think ${rng.pick(CLAUSES)}," ${whoInside} ${rng.pick(VERBS)}.`;
    case 3: {
      const kind = rng.int(0, 3);
      const unit = rng.pick(UNITS);
      return `The figures show ${figure(rng, kind, unit)} in the year to March, up from ${figure(rng, kind, unit)} a year earlier.`;
    }
    default: {
      const when = rng.pick(TIMES);
      return `${when[0].toUpperCase()}${when.slice(1)}, ${whoInside} ${rng.pick(VERBS)} that ${rng.pick(CLAUSES)} and that ${rng.pick(CLAUSES)}.`;
    }
  }
}

/** Wraps a few runs of words in links and emphasis, as news paragraphs do. */
function inlineMarkup(rng: Rng, text: string): string {
  const words = text.split(' ');
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    const r = rng.next();
    if (r < 0.025 && i + 1 < words.length) {
      const n = rng.int(2, 4);
      out.push(`<a href="/topic/${rng.int(100, 999)}">${esc(words.slice(i, i + n).join(' '))}</a>`);
      i += n;
    } else if (r < 0.035) {
      const n = rng.int(1, 3);
      const tag = rng.chance(0.6) ? 'em' : 'strong';
      out.push(`<${tag}>${esc(words.slice(i, i + n).join(' '))}</${tag}>`);
      i += n;
    } else {
      out.push(esc(words[i]));
      i += 1;
    }
  }
  return out.join(' ');
}

function linkList(rng: Rng, n: number, sentences: () => string): string {
  let html = '<ul>';
  for (let i = 0; i < n; i++) {
    const t = sentences().split(' ').slice(0, rng.int(5, 10)).join(' ').replace(/[.,"]+$/, '');
    html += `<li><a href="/story/${rng.int(10000, 99999)}">${esc(t)}</a></li>`;
  }
  return html + '</ul>';
}

const STYLE = `
body{margin:0;font:17px/1.55 Georgia,serif;color:#222;background:#fff}
.masthead{display:flex;justify-content:space-between;align-items:baseline;padding:12px 24px;border-bottom:4px solid #052962}
.brand{font:700 34px/1 Georgia,serif;color:#052962}.edition{font:13px sans-serif;color:#666}
nav ul,.trending ul{list-style:none;margin:0;padding:6px 24px;display:flex;flex-wrap:wrap;gap:4px 14px;font:14px sans-serif}
nav{background:#052962}nav a{color:#fff;text-decoration:none}.trending{font:13px sans-serif;border-bottom:1px solid #ddd}
main{display:grid;grid-template-columns:minmax(0,680px) 300px;gap:40px;padding:16px 24px;max-width:1060px}
h1{font-size:36px;line-height:1.15;margin:8px 0}.standfirst{font-size:20px;color:#444}.byline{font:13px sans-serif;color:#666}
figure{margin:16px 0}.img{height:220px;background:linear-gradient(135deg,#c9d3e0,#8fa3bd)}figcaption{font:13px sans-serif;color:#666}
article a{color:#005689}aside.related{border-top:2px solid #052962;margin:18px 0;padding:6px 0;font:14px sans-serif}
.ad{height:90px;background:#f3f3f3;color:#999;font:11px sans-serif;text-align:center;line-height:90px;margin:18px 0}
blockquote{border-left:3px solid #c70000;margin:16px 0;padding-left:14px;font-style:italic}
.sidebar{font:14px sans-serif}.sidebar ol{padding-left:20px}.comments{max-width:680px;padding:0 24px;font:15px sans-serif}
.comment{border-top:1px solid #eee;padding:8px 0}.author{font-weight:700}footer{background:#eee;padding:24px;font:13px sans-serif}
`;

/** Generates one page. */
export function generatePage(options: PageOptions): GeneratedPage {
  const rng = createRng(options.seed ?? 1);
  const seeds = options.seeds ?? readSeeds();
  const seedShare = options.seedShare ?? 0.4;
  // Seed sentences are dealt from a shuffled deck so that every one of them appears before any repeats.
  const allSeed = seeds.flatMap((s) => s.sentences);
  let deck: string[] = [];
  const nextSeed = (): string => {
    if (deck.length === 0) deck = rng.shuffle(allSeed);
    return deck.pop()!;
  };
  let seedSentences = 0;
  const sentence = (): string => {
    if (rng.chance(seedShare)) {
      seedSentences++;
      return nextSeed();
    }
    return fillerSentence(rng);
  };
  const head = rng.pick(seeds);

  const paragraphs: string[] = [];
  const body: string[] = [];
  let words = 0;
  const standfirst = `${fillerSentence(rng)} ${nextSeed()}`;
  words += countWords(head.headline) + countWords(standfirst);
  let n = 0;
  while (words < options.words) {
    const sentences: string[] = [];
    const count = rng.int(1, 4);
    for (let i = 0; i < count; i++) sentences.push(sentence());
    const text = sentences.join(' ');
    paragraphs.push(text);
    words += countWords(text);
    n++;
    if (n % 14 === 0) {
      const sub = fillerSentence(rng).split(' ').slice(0, rng.int(3, 6)).join(' ').replace(/[.,"]+$/, '');
      body.push(`<h2>${esc(sub)}</h2>`);
      words += countWords(sub);
      paragraphs.push(sub);
    }
    body.push(rng.chance(0.04) ? `<blockquote><p>${inlineMarkup(rng, text)}</p></blockquote>` : `<p>${inlineMarkup(rng, text)}</p>`);
    if (n % 9 === 0) body.push(`<aside class="related"><h3>More on this story</h3>${linkList(rng, 4, sentence)}</aside>`);
    if (n % 12 === 5) body.push('<div class="ad">Advertisement</div>');
  }

  const commentCount = Math.max(3, Math.round(options.words / 400));
  let comments = '';
  for (let i = 0; i < commentCount; i++) {
    const text = `${rng.pick(COMMENT_OPENERS)} ${rng.chance(0.3) ? nextSeed() : fillerSentence(rng)}`;
    comments += `<div class="comment"><span class="author">reader${rng.int(100, 99999)}</span> <time>${rng.int(1, 59)} minutes ago</time><p>${esc(text)}</p></div>`;
  }

  const nav = SECTIONS.map((s) => `<li><a href="/${s.toLowerCase()}">${s}</a></li>`).join('');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(head.headline)} | The Northern Ledger</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><style>${STYLE}</style></head>
<body>
<header class="masthead"><div class="brand">The Northern Ledger</div><div class="edition">UK edition · Subscribe · Sign in</div></header>
<nav><ul>${nav}</ul></nav>
<div class="trending"><ul><li><strong>Trending:</strong></li>${linkList(rng, 5, () => fillerSentence(rng)).slice(4, -5)}</ul></div>
<main>
<article>
<h1>${esc(head.headline)}</h1>
<p class="standfirst">${esc(standfirst)}</p>
<div class="byline">By ${esc(person(rng))} · Political correspondent · <time>${rng.int(1, 28)} July 2016</time></div>
<figure><div class="img"></div><figcaption>${esc(fillerSentence(rng))} Photograph: Agency</figcaption></figure>
${body.join('\n')}
</article>
<aside class="sidebar"><h3>Most read</h3><ol>${linkList(rng, 10, () => fillerSentence(rng)).slice(4, -5)}</ol></aside>
</main>
<section class="comments"><h2>Comments (${commentCount})</h2>${comments}</section>
<footer><p>${SECTIONS.join(' · ')}</p><p>© 2016 The Northern Ledger. All rights reserved.</p></footer>
</body></html>
`;
  const pageText = html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<title>[\s\S]*?<\/title>/, '').replace(/<[^>]+>/g, ' ');
  return {
    html,
    articleWords: words,
    pageWords: countWords(pageText),
    articleText: [head.headline, standfirst, ...paragraphs].join('\n\n'),
    seedSentences,
  };
}
