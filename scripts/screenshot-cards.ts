/**
 * Screenshots of the source-context cards, for looking at them (not a test).
 *
 *   npx tsx scripts/screenshot-cards.ts [--out artifacts/cards] [--index src/generated/index.json] [--only NAME-PREFIX]
 *
 * Renders each card with the real components into happy-dom, writes the DOM as a static HTML page
 * (the card inside a declarative shadow root with CARD_CSS, under deliberately hostile page styles
 * so leaks show), then opens each page in headless Chromium and saves a PNG next to it.
 * Cards come from the hand-made mini index (tests/fixtures/index) and, when src/generated/index.json
 * holds a built corpus, from the real index too (busiest person, a claim group that differs, a
 * quote group with a variant wording).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Window } from 'happy-dom';
import { chromium } from 'playwright-core';
import { CHROMIUM_BIN, OFFLINE_HEADLESS_ARGS } from './lib/chromium';
import { buildDetails, lookups, sentenceExcerpts, type CardDetails } from '../src/core/index/details';
import { sentencesOf } from '../src/page/card-host';
import { compileMatcher, createMatcher } from '../src/core/match';
import type { CorpusIndex, DetectionKind, Match } from '../src/core/index/types';
import type { CardProps } from '../src/ui/card';
import { loadCardModule } from './lib/card-module';
import { loadGazetteer } from './lib/gazetteer';
import { gazetteerContainment } from '../src/core/lang/gazetteer';
import { wordVectors } from './lib/word-vectors';
import { readCorpus } from './lib/read-corpus';
import { indexArticles } from './lib/claim-eval';
import { makeMiniIndex } from '../tests/fixtures/index/mini-index';

interface Shot {
  name: string;
  match: Match;
  state: CardProps['state'];
  theme: 'light' | 'dark';
  pinned?: boolean;
}

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const outDir = resolve(option('--out', 'artifacts/cards'));
const indexPath = option('--index', 'src/generated/index.json');

function matchFor(kind: DetectionKind, id: string, text: string, score: number, refs: Match['refs']): Match {
  return { kind, id, text, start: 0, end: text.length, score, refs };
}

function ready(index: CorpusIndex, kind: DetectionKind, id: string): CardProps['state'] {
  const details = buildDetails(index, kind, id);
  if (!details) throw new Error(`no details for ${kind} ${id}`);
  return { status: 'ready', details };
}

/**
 * A ready state as the matching side sends it for a page match: a claim card's details carry the
 * texts of the differing sentences it asks for (src/page/card-host sentencesOf, background getDetails).
 */
async function readyFor(index: CorpusIndex, match: Match): Promise<CardProps['state']> {
  const state = ready(index, match.kind, match.id);
  if (state.status === 'ready' && state.details.type === 'claim') {
    const articles = lookups(index).articles;
    const excerpts = await sentenceExcerpts(sentencesOf(match), (id) => articles.get(id));
    if (excerpts.length > 0) state.details.excerpts = excerpts;
  }
  return state;
}

/** A ready state as the matching side sends it when it left `left` articles out. */
function cutTo(state: CardProps['state'], left: number): CardProps['state'] {
  return state.status === 'ready' ? { ...state, details: { ...state.details, articlesLeft: left } as unknown as CardDetails } : state;
}

function both(shot: Omit<Shot, 'theme'>): Shot[] {
  return [
    { ...shot, name: `${shot.name}-light`, theme: 'light' },
    { ...shot, name: `${shot.name}-dark`, theme: 'dark' },
  ];
}

function miniShots(): Shot[] {
  const index = makeMiniIndex();
  const long = makeMiniIndex({
    personName: 'Dr Ada Philippa Quill-Montgomery-Hetherington, Chair of the Eastport and District Harbour Board',
    quoteText:
      'We will rebuild the harbour for everyone who works on it, and for everyone who will work on it after us, because a harbour that serves only the few is not a harbour at all.\nWe have done it before and we will do it again.',
  });
  const claimRefs: Match['refs'] = [
    { article: 'a1', sentence: 2, relation: 'differs', score: 0.72 },
    { article: 'a2', sentence: 2, relation: 'agrees', score: 0.91 },
  ];
  return [
    ...both({
      name: 'mini-person',
      match: matchFor('person', 'person:ada-quill', 'Ada Quill', 1, [
        { article: 'a1', sentence: 1, relation: 'mentions', score: 1 },
        { article: 'a2', sentence: 1, relation: 'mentions', score: 1 },
      ]),
      state: ready(index, 'person', 'person:ada-quill'),
    }),
    ...both({
      name: 'mini-claim',
      match: matchFor('claim', 'cg1', 'More than 40 councillors put their names to a letter to the harbour board.', 0.72, claimRefs),
      state: ready(index, 'claim', 'cg1'),
    }),
    // A page sentence that both articles state differently, each kind of difference named.
    ...both({
      name: 'mini-claim-kinds',
      match: matchFor('claim', 'cg1', 'About 30 councillors in Eastport may have signed the letter to the harbour board.', 0.72, [
        {
          article: 'a1',
          sentence: 2,
          relation: 'differs',
          score: 0.81,
          kind: 'more-certain',
          values: { attribute: 'certainty', kind: 'more-certain', page: 'may have', corpus: 'stated' },
          differences: [
            { attribute: 'certainty', kind: 'more-certain', page: 'may have', corpus: 'stated' },
            { attribute: 'place', kind: 'place-within', page: 'Eastport', corpus: 'Old Quay', basis: 'text' },
            { attribute: 'figure', kind: 'more-precise', page: 'About 30', corpus: '28' },
          ],
        },
        { article: 'a2', sentence: 2, relation: 'differs', score: 0.72, kind: 'contradiction', values: { attribute: 'figure', kind: 'contradiction', page: 'About 30', corpus: 'More than 40' } },
      ]),
      state: ready(index, 'claim', 'cg1'),
    }),
    // The kinds the relations round added, side by side: a part of a group against all of it, a
    // placed date against an unplaced one, a tighter limit, and a second sentence of an article
    // that is no member of the group (listed after the group's members).
    ...both({
      name: 'mini-claim-kinds-2',
      match: matchFor('claim', 'cg1', 'All of the councillors signed a letter to the harbour board in the past, some 30 of them.', 0.72, [
        {
          article: 'a1',
          sentence: 2,
          relation: 'differs',
          score: 0.81,
          kind: 'scope',
          values: { attribute: 'scope', kind: 'scope', page: 'All of the councillors', corpus: 'one of the councillors' },
          differences: [
            { attribute: 'scope', kind: 'scope', page: 'All of the councillors', corpus: 'one of the councillors' },
            { attribute: 'date', kind: 'more-precise', page: 'in the past', corpus: 'in the 1990s' },
            { attribute: 'figure', kind: 'less-precise', page: 'some 30', corpus: 'around 20' },
          ],
        },
        { article: 'a2', sentence: 2, relation: 'agrees', score: 0.7 },
        { article: 'a2', sentence: 9, relation: 'differs', score: 0.41, kind: 'contradiction', values: { attribute: 'figure', kind: 'contradiction', page: 'some 30', corpus: 'More than 40' } },
      ]),
      state: ready(index, 'claim', 'cg1'),
    }),
    { name: 'mini-claim-kinds-long-corpus-light', theme: 'light', match: matchFor('claim', 'cg1', 'About 30 councillors may have signed the letter.', 0.72, [
      { article: 'a1', sentence: 2, relation: 'differs', score: 0.81, kind: 'less-certain', values: { attribute: 'certainty', kind: 'less-certain', page: 'stated', corpus: 'is expected to' } },
    ]), state: { ...ready(index, 'claim', 'cg1'), corpus: 'Eastport and District Harbour Board Archive of Council Minutes 1998–2024' } as CardProps['state'] },
    // A share given for another period and for another place (scope, not a contradiction), at a
    // link probability of 0.57: strong from the fitted strong probability (0.56), partial before.
    {
      name: 'mini-claim-period-light',
      theme: 'light',
      match: matchFor('claim', 'cg1', 'Harbour fees rose by 5% in 2020, the board said.', 0.57, [
        { article: 'a1', sentence: 2, relation: 'differs', score: 0.57, kind: 'scope', values: { attribute: 'date', kind: 'scope', page: '2020', corpus: '2019' } },
        { article: 'a2', sentence: 2, relation: 'differs', score: 0.52, kind: 'scope', values: { attribute: 'place', kind: 'scope', page: 'Eastport', corpus: 'Old Quay' } },
      ]),
      state: ready(index, 'claim', 'cg1'),
    },
    // A page sentence that denies what an article states: the negation named beside the value.
    {
      name: 'mini-claim-negation-light',
      theme: 'light',
      match: matchFor('claim', 'cg1', 'Councillors did not sign the letter to the harbour board.', 0.7, [
        { article: 'a1', sentence: 2, relation: 'differs', score: 0.7, kind: 'negation', values: { attribute: 'negation', kind: 'negation', page: 'did not', corpus: 'stated' } },
      ]),
      state: ready(index, 'claim', 'cg1'),
    },
    {
      name: 'mini-quote-kinds-light',
      theme: 'light',
      match: matchFor('quote', 'qg1', 'We will rebuild the harbour for everyone', 0.86, [
        {
          article: 'a2',
          sentence: 3,
          relation: 'variant-quote',
          score: 0.86,
          kind: 'less-certain',
          values: { attribute: 'certainty', kind: 'less-certain', page: 'stated', corpus: 'will say' },
          differences: [
            { attribute: 'certainty', kind: 'less-certain', page: 'stated', corpus: 'will say' },
            { attribute: 'wording', kind: 'quote-varied', page: '7 words', corpus: '13 words' },
          ],
        },
      ]),
      state: ready(index, 'quote', 'qg1'),
    },
    ...both({
      name: 'mini-quote',
      match: matchFor('quote', 'qg1', 'We will rebuild the harbour for everyone', 0.86, [
        { article: 'a2', sentence: 3, relation: 'variant-quote', score: 0.86 },
      ]),
      state: ready(index, 'quote', 'qg1'),
    }),
    // A claim the matching side cut (src/background/card-reply.ts): the "N more articles" line under the list.
    { name: 'mini-claim-cut-light', theme: 'light', pinned: true, match: matchFor('claim', 'cg1', 'More than 40 councillors signed the letter.', 0.9, []), state: cutTo(ready(index, 'claim', 'cg1'), 57) },
    { name: 'mini-long-light', theme: 'light', pinned: true, match: matchFor('person', 'person:ada-quill', 'Quill', 1, []), state: ready(long, 'person', 'person:ada-quill') },
    { name: 'state-loading-light', theme: 'light', match: matchFor('person', 'x', 'Ada Quill', 1, []), state: { status: 'loading' } },
    {
      name: 'state-error-dark',
      theme: 'dark',
      match: matchFor('claim', 'x', 'More than 40 councillors signed the letter.', 0.7, []),
      state: { status: 'error', message: 'No claim with id "x" in the corpus index' },
    },
    { name: 'state-empty-light', theme: 'light', match: matchFor('person', 'person:cara-nobody', 'Cara Nobody', 1, []), state: ready(index, 'person', 'person:cara-nobody') },
  ];
}

/** Cards from the built corpus index, when there is one. */
async function seedShots(): Promise<Shot[]> {
  let index: CorpusIndex;
  try {
    index = JSON.parse(readFileSync(indexPath, 'utf8')) as CorpusIndex;
  } catch {
    return [];
  }
  if (index.entities.length === 0) return [];
  const shots: Shot[] = [];
  const person = [...index.entities].filter((e) => e.kind === 'person').sort((a, b) => b.coverage.length - a.coverage.length)[0];
  if (person) {
    const refs = person.coverage.map((c) => ({ article: c.article, sentence: c.mentions[0]?.sentence ?? 0, relation: 'mentions' as const, score: 1 }));
    shots.push(...both({ name: 'seeds-person', match: matchFor('person', person.id, person.aliases.at(-1) ?? person.name, 1, refs), state: ready(index, 'person', person.id) }));
  }
  const group = index.claimGroups.find((g) => g.differences.length > 0) ?? index.claimGroups.find((g) => g.members.length > 1);
  if (group) {
    const first = index.claims.find((c) => c.id === group.members[0].claim)!;
    const refs = group.members.map((m, i) => ({
      article: m.article,
      sentence: index.claims.find((c) => c.id === m.claim)?.sentence ?? 0,
      relation: i === 0 ? ('agrees' as const) : m.relation,
      score: i === 0 ? 0.93 : 0.68,
    }));
    shots.push(...both({ name: 'seeds-claim', match: matchFor('claim', group.id, first.text, 0.93, refs), state: ready(index, 'claim', group.id) }));
  }
  // A card as the page gets it: the matcher's own refs for a sentence that states a figure
  // differently and less certainly than the corpus (kinds named by core/match/relate).
  // With the gazetteer's place pairs, as the build gives the bundled corpus (scripts/build-index.ts).
  const data = compileMatcher(index);
  data.placeWithinGazetteer = gazetteerContainment(data.places, loadGazetteer());
  const matcher = createMatcher(data, { vectors: wordVectors() });
  const pageSentence = 'More than 40 women Labour MPs may have written to Mr Corbyn about the abuse.';
  const looked = matcher.scan(pageSentence).find((m) => m.kind === 'claim');
  if (looked) shots.push(...both({ name: 'seeds-claim-lookup', match: looked, state: ready(index, 'claim', looked.id) }));
  // Each kind of difference as the page gets it (core/match/relate): a part of a group against all
  // of it, a rounded approximation, and a second sentence of an article with another figure.
  const kinds: [string, string][] = [
    ['seeds-relation-scope', 'All of the biggest trade unions have thrown their weight behind Corbyn.'],
    ['seeds-relation-rounded', 'Around 2,000 people packed the Lowry Theatre.'],
    ['seeds-relation-other-sentence', 'Twenty-eight female Labour MPs wrote to Jeremy Corbyn complaining about his response to the abuse.'],
    // A town another outlet names, inside the city this sentence names: by the gazetteer, not the text.
    ['seeds-relation-place-gazetteer', 'The leader told activists in Manchester that members want to see a different world.'],
    // A count of another group (members against supporters).
    ['seeds-relation-scope-group', 'Around 1,800 Labour members packed the Lowry Theatre to hear Mr Corbyn.'],
    // Lists of places that share some and each name others: the same statement about other places.
    ['seeds-relation-place-scope', 'Simultaneous launch events were held in Birmingham, Glasgow, Newcastle and Stoke.'],
    // A quotation no outlet carries, of an occasion two outlets quote other words from: another utterance.
    ['seeds-relation-quote-other', 'Mr Corbyn told activists in Salford: "Our party belongs to its members and nobody else."'],
  ];
  for (const [name, text] of kinds) {
    const m = matcher.scan(text).find((x) => x.kind === 'claim');
    if (m) shots.push({ name: `${name}-light`, theme: 'light', match: m, state: await readyFor(index, m) });
  }
  // A second sentence of an article with another figure, outside the matched group: with the
  // article that states the page's sentence left out of the corpus, as leave-one-outlet-out does.
  const own = 'Mr Corbyn\'s comments come after 28 women Labour MPs wrote to him in a letter organised by backbencher Paula Sherriff complaining at his "inadequate" response to the abuse.';
  const { articles } = readCorpus(resolve('seeds'));
  const others = indexArticles(articles.filter((a) => !a.text.includes(own)));
  const loo = createMatcher(compileMatcher(others), { vectors: wordVectors() }).scan(own).find((x) => x.kind === 'claim');
  if (loo) shots.push({ name: 'seeds-relation-other-group-light', theme: 'light', match: loo, state: await readyFor(others, loo) });
  // A claim that quotes the speaker in other words of one utterance than another outlet (the same
  // leave-one-out set-up: the article that states it is left out).
  const worded = 'Mr Corbyn said: "We are a social movement and we will only win the next general election because we are that movement of people all around the country who want to see a different world and do things very differently."';
  const others2 = indexArticles(articles.filter((a) => !a.text.includes(worded)));
  const reworded = createMatcher(compileMatcher(others2), { vectors: wordVectors() }).scan(worded).find((x) => x.kind === 'claim');
  if (reworded) shots.push({ name: 'seeds-relation-quote-wording-light', theme: 'light', match: reworded, state: ready(others2, 'claim', reworded.id) });
  const quoted = matcher.scan('He said: "We will win the next general election only as a social movement."').find((x) => x.kind === 'quote');
  if (quoted) shots.push({ name: 'seeds-relation-quote-certainty-light', theme: 'light', match: quoted, state: ready(index, 'quote', quoted.id) });
  const quoteGroup = index.quoteGroups.find((g) => g.members.some((m) => m.relation === 'variant-quote'));
  if (quoteGroup) {
    const ref = index.quotes.find((q) => q.id === quoteGroup.reference)!;
    const refs = quoteGroup.members.map((m) => ({ article: m.article, sentence: 0, relation: m.relation, score: m.relation === 'same-quote' ? 1 : 0.8 }));
    shots.push(...both({ name: 'seeds-quote', match: matchFor('quote', quoteGroup.id, ref.text.slice(0, 80), 1, refs), state: ready(index, 'quote', quoteGroup.id) }));
  }
  return shots;
}

/** The static page: hostile page styles outside, the card in a declarative shadow root inside. */
function pageHtml(cardHtml: string, theme: 'light' | 'dark', full = false): string {
  // "full" lifts the height cap so one picture shows everything the card's scroll area holds.
  const extra = full ? '.cl-card { max-height: none !important; }' : '';
  const pageBg = theme === 'dark' ? '#121417' : '#efeae0';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>card</title>
<style>
  /* Page styles that would wreck the card if they leaked through the shadow boundary. */
  body { margin: 0; padding: 24px; background: ${pageBg}; font: 22px/2 Georgia, serif; color: #c00; letter-spacing: 1px; }
  p, h2, h3, ul, li, button, blockquote { color: #c00 !important; font-size: 30px; text-transform: uppercase; }
  section { border: 5px dashed magenta; }
</style></head>
<body>
<coverage-lens-card id="host" style="display:inline-block"><template shadowrootmode="open"><style>${CARD_CSS}${extra}</style>${cardHtml}</template></coverage-lens-card>
</body></html>`;
}

const { CARD_CSS, renderCard, unmountCard } = await loadCardModule();

function renderShot(window: Window, shot: Shot): string {
  const container = window.document.createElement('div');
  window.document.body.appendChild(container);
  const noop = () => undefined;
  renderCard(container as unknown as Element, {
    match: shot.match,
    state: shot.state,
    pinned: shot.pinned ?? false,
    theme: shot.theme,
    onClose: noop,
    onTogglePin: noop,
    onOpenBrowser: noop,
  });
  const html = container.innerHTML;
  unmountCard(container as unknown as Element);
  container.remove();
  return html;
}

async function main(): Promise<void> {
  const only = option('--only', '');
  const shots = [...miniShots(), ...(await seedShots())].filter((s) => s.name.startsWith(only));
  mkdirSync(outDir, { recursive: true });
  const window = new Window({ url: 'https://example.invalid/' });
  const pages: { name: string; file: string }[] = [];
  for (const shot of shots) {
    const html = renderShot(window, shot);
    const file = join(outDir, `card-${shot.name}.html`);
    writeFileSync(file, pageHtml(html, shot.theme));
    pages.push({ name: shot.name, file });
    const fullFile = join(outDir, `card-${shot.name}-full.html`);
    writeFileSync(fullFile, pageHtml(html, shot.theme, true));
    pages.push({ name: `${shot.name}-full`, file: fullFile });
  }
  await window.happyDOM.close();

  const browser = await chromium.launch({
    executablePath: CHROMIUM_BIN,
    headless: false,
    args: [...OFFLINE_HEADLESS_ARGS],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 520, height: 900 }, deviceScaleFactor: 1 });
    // Static pages only: refuse every request so nothing leaves the machine.
    await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    for (const { name, file } of pages) {
      await page.goto(`file://${resolve(file)}`);
      const host = page.locator('#host');
      const png = join(outDir, `card-${name}.png`);
      await host.screenshot({ path: png });
      const box = await host.boundingBox();
      const overflowX = await page.evaluate(() => {
        const body = document.getElementById('host')!.shadowRoot!.querySelector('.cl-body');
        return body ? body.scrollWidth - body.clientWidth : 0;
      });
      console.log(`${png}  ${Math.round(box?.width ?? 0)}x${Math.round(box?.height ?? 0)}  horizontal overflow: ${overflowX}px`);
      if (name === 'mini-person-light' || name === 'mini-claim-dark') {
        // Keyboard focus on the first control inside the card (pin), to look at the focus ring.
        await page.locator('#host').locator('button').first().focus();
        await page.keyboard.press('Tab');
        await page.keyboard.press('Shift+Tab');
        await host.screenshot({ path: join(outDir, `card-${name}-focus.png`) });
      }
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
