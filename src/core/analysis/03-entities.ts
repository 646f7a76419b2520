/**
 * Step 3: people, organisations (and places, kept apart for claims) from capitalised word runs,
 * decided on corpus-wide evidence rather than on any single occurrence:
 * - a person: a given name known to the NLP lexicon, a personal title ("Mr X"), a speech verb
 *   after the name, or a role noun before it; never a run that is a place or venue;
 * - an organisation: an organisation head word ("… Union", "the X party"), the NLP lexicon, an
 *   acronym used in several sentences or matching a named organisation's initials, or usage such
 *   as "X trade union", "groups such as X", "a spokesman for X";
 * - a word that the corpus also writes in lower case is a common word, not a name.
 * Headlines are searched for mentions but never used to discover names (headline case).
 * A bare surname or title + surname shared by two people is recorded as ambiguous, never resolved.
 */
import { normalize } from '../text/normalize';
import type { ArticleDraft, EntityDraft, EntityResult, MentionDraft, Token } from './context';
import {
  COMPASS, LOWER_ORG_HEADS, MONTHS, ORG_HEADS, ORG_NOUNS, PERSONAL_TITLES, ROLE_NOUNS, SPEECH_VERBS,
  TITLES, VENUE_HEADS, WEEKDAYS, isGivenName, isKnownOrganisation, isKnownPlace, isKnownSurname, lexiconTags,
} from './lexicon';

const CONNECTORS = new Set(['of', 'and', 'for', 'the', 'de', 'la', 'le', 'du', 'da', 'van', 'von', 'der', 'al', 'bin', '&']);
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'outside', 'across', 'from', 'to', 'around', 'throughout']);
const NAME_SHAPE = /^\p{Lu}[\p{L}'\u2019-]*\p{Ll}[\p{L}'\u2019-]*$/u;
const ACRONYM = /^[\p{Lu}][\p{Lu}\d&]{1,7}$/u;

interface Run {
  article: number;
  tokens: Token[];
  /** Index in the article's token array of the first token. */
  first: number;
}

interface Candidate {
  key: string;
  words: string[];
  display: string;
  isSentenceStart: boolean;
  title: string | null;
  article: number;
  firstToken: number;
  lastToken: number;
}

/** Slug for ids: lower case, letters and digits, words joined by "-". */
export function slug(name: string): string {
  return normalize(name)
    .replace(/'s?\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

function isTitleWord(norm: string): boolean {
  return TITLES.has(norm.replace(/\.$/, ''));
}

function isPluralTitle(norm: string): boolean {
  return norm.length > 2 && norm.endsWith('s') && TITLES.has(norm.slice(0, -1));
}

function isCalendarWord(norm: string): boolean {
  return MONTHS.has(norm) || WEEKDAYS.has(norm);
}

/** Corpus-wide word statistics used as evidence. */
interface WordStats {
  /** Words the corpus writes in lower case (so they are common words). */
  lower: Set<string>;
  /** Words the corpus writes capitalised away from a sentence start. */
  capMid: Set<string>;
}

function collectStats(drafts: ArticleDraft[]): WordStats {
  const lower = new Set<string>();
  const capMid = new Set<string>();
  for (const d of drafts) {
    for (const t of d.tokens) {
      if (!t.isWord || t.start < d.bodyStart) continue;
      if (!t.isCap && /^\p{Ll}/u.test(t.text)) lower.add(t.norm);
      else if (t.isCap && !t.isSentenceStart) capMid.add(t.norm);
    }
  }
  return { lower, capMid };
}

function gapIsSpace(a: Token, b: Token): boolean {
  return b.start - a.end <= 1;
}

/** Maximal runs of capitalised words in the body, with connectors, hyphens and possessives. */
function findRuns(d: ArticleDraft, article: number, stats: WordStats): Run[] {
  const runs: Run[] = [];
  const toks = d.tokens;
  let i = 0;
  while (i < toks.length) {
    const t = toks[i];
    if (t.start < d.bodyStart || !t.isCap || isCalendarWord(t.norm) || t.norm === 'i') {
      i++;
      continue;
    }
    const run: Token[] = [t];
    let j = i + 1;
    while (j < toks.length) {
      const prev = toks[j - 1];
      const next = toks[j];
      if (next.sentence !== t.sentence) break;
      // A possessive ends a name ("Brackwater's Grand Theatre") unless an organisation name runs on
      // through a common word ("People's Assembly", "Staffs' Association").
      if (prev.isPossessive && !(continuesToOrgHead(toks, j) && !isGivenName(prev.norm) && !isKnownSurname(prev.norm))) break;
      if (next.isCap && next.isWord && gapIsSpace(prev, next) && !isCalendarWord(next.norm) && !isPluralTitle(next.norm)) {
        run.push(next);
        j++;
        continue;
      }
      // Hyphenated or apostrophe-joined names ("Jean-Luc", "Staffs’ Association").
      if (!next.isWord && (next.text === '-' || next.text === '\u2019' || next.text === "'") && next.start === prev.end) {
        const after = toks[j + 1];
        if (after && after.isCap && after.sentence === t.sentence) {
          if (next.text !== '-') prev.isPossessive = prev.isPossessive || false;
          run.push(next, after);
          j += 2;
          continue;
        }
        break;
      }
      // "Transport and General … Union": lower-case connectors only inside organisation names.
      if (next.isWord && CONNECTORS.has(next.text) && continuesToOrgHead(toks, j + 1)) {
        run.push(next);
        j++;
        continue;
      }
      // "the X party".
      if (next.isWord && LOWER_ORG_HEADS.has(next.text) && gapIsSpace(prev, next)) {
        run.push(next);
        j++;
      }
      break;
    }
    runs.push({ article, tokens: run, first: i });
    i = j;
  }
  return runs;
}

/** True when capitalised words from `j` on reach an organisation head within a few tokens. */
function continuesToOrgHead(toks: Token[], j: number): boolean {
  const sentence = toks[j]?.sentence;
  for (let k = j; k < toks.length && k < j + 6; k++) {
    const t = toks[k];
    if (t.sentence !== sentence) return false;
    if (t.isWord && !t.isCap && !CONNECTORS.has(t.text)) return false;
    if (t.isCap && ORG_HEADS.has(t.norm)) return true;
  }
  return false;
}

function hasOrgHead(words: Token[]): boolean {
  for (let k = 1; k < words.length; k++) {
    const w = words[k];
    if (w.isWord && ORG_HEADS.has(w.norm) && (w.isCap || LOWER_ORG_HEADS.has(w.norm))) return true;
  }
  return false;
}

function display(tokens: Token[], text: string): string {
  if (!tokens.length) return '';
  const last = tokens[tokens.length - 1];
  let s = text.slice(tokens[0].start, last.end);
  if (last.isPossessive) s = s.replace(/['\u2019]s?$/, '');
  return s;
}

/** Splits a run into name candidates: at connectors, possessives and titles. */
/** The most words a person's or organisation's name may have. */
const MAX_NAME_WORDS = 12;

function candidatesOf(run: Run, d: ArticleDraft, stats: WordStats): Candidate[] {
  const words = run.tokens;
  const make = (ts: Token[], title: string | null): Candidate | null => {
    const ws = ts.filter((t) => t.isWord);
    // Real names, even long organisation names, stay well under this; a longer capitalised run is
    // a headline in title case or a pathological line, not a name.
    if (!ws.length || ws.length > MAX_NAME_WORDS) return null;
    const firstIndex = run.first + words.indexOf(ts[0]);
    return {
      key: ws.map((t) => t.norm).join(' '),
      words: ws.map((t) => t.norm),
      display: display(ts, d.text),
      isSentenceStart: ts[0].isSentenceStart,
      title,
      article: run.article,
      firstToken: firstIndex,
      lastToken: firstIndex + ts.length - 1,
    };
  };
  if (hasOrgHead(words)) {
    // Drop a sentence-initial adverb glued to an organisation name ("Meanwhile Acme Union").
    let from = 0;
    while (from < words.length - 1 && words[from].isSentenceStart && !stats.capMid.has(words[from].norm) && !isGivenName(words[from].norm)) from++;
    const c = make(words.slice(from), null);
    return c ? [c] : [];
  }
  // Split at possessives and connectors.
  const parts: Token[][] = [];
  let cur: Token[] = [];
  for (const w of words) {
    if (w.isWord && !w.isCap) {
      if (cur.length) parts.push(cur);
      cur = [];
      continue;
    }
    cur.push(w);
    if (w.isPossessive) {
      parts.push(cur);
      cur = [];
    }
  }
  if (cur.length) parts.push(cur);
  const out: Candidate[] = [];
  for (const part of parts) {
    // The name is what follows the last title ("US Senator Jane Doe", "Blairite MP X").
    let lastTitle = -1;
    for (let k = 0; k < part.length - 1; k++) if (part[k].isWord && isTitleWord(part[k].norm)) lastTitle = k;
    let name = part.slice(lastTitle + 1);
    const title = lastTitle >= 0 ? part[lastTitle].norm.replace(/\.$/, '') : null;
    if (lastTitle < 0 && name.length === 1 && isTitleWord(name[0].norm)) continue;
    // A sentence-initial word is only a name if the corpus also capitalises it mid-sentence.
    while (name.length && name[0].isSentenceStart && title === null && !stats.capMid.has(name[0].norm) && !isGivenName(name[0].norm) && !ACRONYM.test(name[0].text.replace(/['\u2019]s?$/, ''))) {
      name = name.slice(1);
    }
    // Leading hyphen/apostrophe debris.
    while (name.length && !name[0].isWord) name = name.slice(1);
    const c = make(name, title);
    if (c) out.push(c);
  }
  return out;
}

function prevWord(toks: Token[], i: number, sentence: number): Token | undefined {
  for (let k = i - 1; k >= 0; k--) {
    if (toks[k].sentence !== sentence) return undefined;
    if (toks[k].isWord) return toks[k];
  }
  return undefined;
}

function nextWord(toks: Token[], i: number, sentence: number): Token | undefined {
  for (let k = i + 1; k < toks.length; k++) {
    if (toks[k].sentence !== sentence) return undefined;
    if (toks[k].isWord) return toks[k];
  }
  return undefined;
}

interface Evidence {
  person: number;
  org: number;
  place: number;
  titles: Map<string, string>;
  displays: Map<string, number>;
  count: number;
  /** Up to two of the sentences (article:sentence) the candidate occurs in. */
  sentences: Set<string>;
  articles: Set<number>;
  /** Short names merged in from another candidate ("X Assembly" for "X Assembly Against Y"). */
  extraAliases?: string[];
}

function evidenceFor(map: Map<string, Evidence>, key: string): Evidence {
  let e = map.get(key);
  if (!e) {
    e = { person: 0, org: 0, place: 0, titles: new Map(), displays: new Map(), count: 0, sentences: new Set(), articles: new Set() };
    map.set(key, e);
  }
  return e;
}

/** Gathers evidence from one candidate's context. */
function weigh(c: Candidate, d: ArticleDraft, e: Evidence, stats: WordStats): void {
  const toks = d.tokens;
  const first = toks[c.firstToken];
  const last = toks[c.lastToken];
  const sentence = first.sentence;
  const before = prevWord(toks, c.firstToken, sentence);
  const before2 = before ? prevWord(toks, toks.indexOf(before), sentence) : undefined;
  const after = nextWord(toks, c.lastToken, sentence);
  const after2 = after ? nextWord(toks, toks.indexOf(after), sentence) : undefined;
  e.count++;
  // Only "in two sentences or more" is ever asked: a name used in thousands of sentences must not
  // keep thousands of keys.
  if (e.sentences.size < 2) e.sentences.add(`${c.article}:${sentence}`);
  e.articles.add(c.article);
  e.displays.set(c.display, (e.displays.get(c.display) ?? 0) + 1);
  const nameLike = c.words.length >= 2 && c.words.length <= 4 && c.display.split(/\s+/).every((w) => NAME_SHAPE.test(w));
  if (c.title) {
    e.titles.set(c.title, c.title);
    if (PERSONAL_TITLES.has(c.title) || nameLike) e.person += 2;
  }
  if (nameLike && isGivenName(c.words[0])) e.person += 2;
  if (nameLike && isKnownSurname(c.words[c.words.length - 1])) e.person += 1;
  if (after && SPEECH_VERBS.has(after.norm) && !after.isCap && (nameLike || c.title)) e.person += 1;
  if (before && !before.isCap && ROLE_NOUNS.has(before.norm) && nameLike) e.person += 1;
  // Organisation evidence.
  if (hasOrgHeadWords(c.words)) e.org += 3;
  if (isKnownOrganisation(c.key)) e.org += 2;
  if (after && !after.isCap && (after.norm === 'union' || after.norm === 'party' || (after.norm === 'trade' && after2?.norm === 'union'))) e.org += 2;
  if (before && !before.isCap) {
    if (before.norm === 'as' && before2?.norm === 'such') e.org += 1;
    if (before.norm === 'for' && before2 && /^spokes(man|woman|person)$/.test(before2.norm)) e.org += 2;
    if (before.norm === 'of' && before2 && /^(member|members|leader|head|chair|founder)$/.test(before2.norm)) e.org += 1;
    if (before.norm === 'as' && before2?.norm === 'known') e.org += 1;
  }
  const comma = toks[c.firstToken - 1];
  if (comma && comma.text === ',' && before && ORG_NOUNS.has(before.norm) && before.norm.endsWith('s')) e.org += 2;
  // Place evidence.
  if (VENUE_HEADS.has(last.norm) && c.words.length >= 2) e.place += 3;
  if (isKnownPlace(c.key)) e.place += 2;
  if (c.words.length === 2 && COMPASS.has(c.words[0]) && isKnownPlace(c.words[1])) e.place += 2;
  if (before && !before.isCap && PLACE_PREPOSITIONS.has(before.norm) && !c.title) e.place += 1;
  if (before && before.isCap && COMPASS.has(before.norm)) e.place += 1;
  if (before && !before.isCap && COMPASS.has(before.norm)) e.place += 1;
  void stats;
}

/** Finds the people, organisations and places of the corpus and every mention of them. */
export function extractEntities(drafts: ArticleDraft[]): EntityResult {
  const stats = collectStats(drafts);
  const evidence = new Map<string, Evidence>();
  drafts.forEach((d, a) => {
    for (const run of findRuns(d, a, stats)) {
      for (const c of candidatesOf(run, d, stats)) {
        weigh(c, d, evidenceFor(evidence, c.key), stats);
      }
    }
  });

  const isCommonWord = (key: string) => !key.includes(' ') && stats.lower.has(key);
  const persons = new Map<string, { words: string[]; e: Evidence }>();
  const orgs = new Map<string, { words: string[]; e: Evidence }>();
  const places = new Set<string>();
  const surnameOnly = new Map<string, Evidence>();
  for (const [key, e] of evidence) {
    const words = key.split(' ');
    const acronymDisplay = [...e.displays.keys()].some((dsp) => ACRONYM.test(dsp));
    if (e.place > 0 && e.place >= e.person && e.place >= e.org) {
      places.add(key);
      continue;
    }
    if (words.length >= 2 && e.person >= 2 && e.person >= e.org) {
      persons.set(key, { words, e });
    } else if (words.length === 1 && e.person >= 2 && [...e.titles.keys()].some((t) => PERSONAL_TITLES.has(t)) && !isCommonWord(key)) {
      surnameOnly.set(key, e);
    } else if (e.org >= 2 || (words.length >= 2 && hasOrgHeadWords(words) && e.org >= 0 && e.person < 2)) {
      if (!isCommonWord(key)) orgs.set(key, { words, e });
    } else if (words.length === 1 && acronymDisplay && e.sentences.size >= 2 && !lexiconTags(key).length && !isCommonWord(key)) {
      orgs.set(key, { words, e });
    }
  }
  // Places the corpus lists next to each other with known places ("Brackwater, Eastholm and Lyon").
  addListedPlaces(drafts, places, persons, orgs);

  // A place must not be a common word ("in parliament") or a name the corpus gives a person or
  // an organisation ("misogyny in X" where X is also "the X party").
  for (const p of [...places]) {
    if (isCommonWord(p) || persons.has(p) || orgs.has(p)) places.delete(p);
    else for (const key of orgs.keys()) if (key.startsWith(p + ' ') && ORG_HEADS.has(key.slice(p.length + 1))) places.delete(p);
  }
  // "X Assembly" and "X Assembly Against Y" are one organisation when one name extends the other.
  for (const key of [...orgs.keys()]) {
    const words = key.split(' ');
    if (!ORG_HEADS.has(words[words.length - 1])) continue;
    const longer = [...orgs.keys()].filter((k) => k !== key && k.startsWith(key + ' ')).sort();
    if (longer.length !== 1) continue;
    const target = orgs.get(longer[0])!;
    const source = orgs.get(key)!;
    for (const dsp of source.e.displays.keys()) target.e.extraAliases = [...(target.e.extraAliases ?? []), dsp];
    orgs.delete(key);
  }
  // Merge "Jane X Doe" into "Jane Doe"-style keys sharing first and last word.
  const byEnds = new Map<string, string[]>();
  for (const key of [...persons.keys()].sort()) {
    const w = key.split(' ');
    const ends = `${w[0]} ${w[w.length - 1]}`;
    byEnds.set(ends, [...(byEnds.get(ends) ?? []), key]);
  }

  const entities: EntityDraft[] = [];
  const aliasOwners = new Map<string, Set<string>>();
  const displayByKey = new Map<string, string>();
  const addAlias = (alias: string, id: string) => {
    const k = normalize(alias);
    if (!displayByKey.has(k)) displayByKey.set(k, alias);
    let s = aliasOwners.get(k);
    if (!s) aliasOwners.set(k, (s = new Set()));
    s.add(id);
  };
  const aliasDisplay = new Map<string, string>();
  const usedIds = new Set<string>();
  const makeId = (kind: string, name: string) => {
    let id = `${kind}:${slug(name)}`;
    for (let n = 2; usedIds.has(id); n++) id = `${kind}:${slug(name)}-${n}`;
    usedIds.add(id);
    return id;
  };

  // Surnames used bare or with a title anywhere in the corpus.
  const surnameUse = surnameUsage(drafts);
  const personBySurname = new Map<string, string[]>();
  for (const keys of byEnds.values()) {
    const primary = keys.reduce((a, b) => (b.split(' ').length > a.split(' ').length ? b : a));
    const e = persons.get(primary)!.e;
    const name = mostFrequent(keys.flatMap((k) => [...persons.get(k)!.e.displays.entries()]));
    const id = makeId('person', name);
    const aliases = new Set<string>([name]);
    for (const k of keys) for (const dsp of persons.get(k)!.e.displays.keys()) aliases.add(dsp);
    const words = primary.split(' ');
    const surname = words[words.length - 1];
    const surnameDisplay = name.split(/\s+/).pop()!;
    personBySurname.set(surname, [...(personBySurname.get(surname) ?? []), id]);
    aliasDisplay.set(surname, surnameDisplay);
    entities.push({ id, kind: 'person', name, aliases: [...aliases] });
    for (const a of aliases) addAlias(a, id);
    void e;
  }
  for (const [surname, e] of [...surnameOnly.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (personBySurname.has(surname)) continue;
    const name = mostFrequent([...e.displays.entries()]);
    const id = makeId('person', name);
    personBySurname.set(surname, [id]);
    aliasDisplay.set(surname, name);
    entities.push({ id, kind: 'person', name, aliases: [name] });
    addAlias(name, id);
  }
  const entityById = new Map(entities.map((x) => [x.id, x]));
  // Surname and title + surname aliases, when the corpus uses them.
  for (const [surname, ids] of personBySurname) {
    const use = surnameUse.get(surname);
    if (!use) continue;
    const forms = [...(use.bare ? [aliasDisplay.get(surname)!] : []), ...[...use.titled].sort()];
    for (const form of forms) for (const id of ids) addAlias(form, id);
    if (ids.length === 1) {
      const ent = entityById.get(ids[0])!;
      for (const form of forms) if (!ent.aliases.includes(form)) ent.aliases.push(form);
    }
  }

  const aloneForms = usedAlone(drafts, [...orgs.keys()]);
  for (const [key, { words, e }] of [...orgs.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (persons.has(key)) continue;
    const name = preferredOrgName([...e.displays.entries()]);
    const id = makeId('organisation', name);
    const aliases = new Set<string>([name]);
    for (const dsp of e.displays.keys()) aliases.add(dsp);
    for (const dsp of e.extraAliases ?? []) aliases.add(dsp);
    // "X Party" is also called "X" when the corpus uses the short form alone.
    if (words.length >= 2 && ORG_HEADS.has(words[words.length - 1])) {
      const short = words.slice(0, -1).join(' ');
      if (aloneForms.has(short) && !persons.has(short) && !places.has(short)) {
        aliases.add(name.split(/\s+/).slice(0, -1).join(' '));
      }
    }
    // An acronym defined in an article that names the organisation in full.
    const acronym = acronymFor(drafts, words, e);
    if (acronym) aliases.add(acronym);
    entities.push({ id, kind: 'organisation', name, aliases: [...aliases] });
    for (const a of aliases) addAlias(a, id);
  }

  // Given names the corpus uses alone ("if they oust Anna …"): an alias of the one corpus person
  // with that given name, or ambiguous when several corpus people share it.
  for (const [key, { display: given, ids }] of givenNamesUsedAlone(drafts, entities, stats.lower)) {
    if (personBySurname.has(key)) continue;
    const owners = aliasOwners.get(key);
    if (owners && [...owners].some((o) => !ids.includes(o))) continue;
    for (const id of ids) addAlias(given, id);
    if (ids.length === 1) entityById.get(ids[0])!.aliases.push(given);
  }

  const ambiguous: { alias: string; entities: string[] }[] = [];
  const ambiguousKeys = new Set<string>();
  for (const [k, owners] of aliasOwners) {
    if (owners.size < 2) continue;
    ambiguousKeys.add(k);
    ambiguous.push({ alias: displayByKey.get(k) ?? k, entities: [...owners].sort() });
  }
  ambiguous.sort((a, b) => (a.alias < b.alias ? -1 : a.alias > b.alias ? 1 : 0));
  for (const ent of entities) {
    const seen = new Set<string>([normalize(ent.name)]);
    const rest = ent.aliases.filter((a) => {
      const k = normalize(a);
      if (ambiguousKeys.has(k) || seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    ent.aliases = [ent.name, ...rest].filter((a) => !ambiguousKeys.has(normalize(a))).sort();
  }

  const mentions = new Map<string, MentionDraft[]>();
  const matcher = buildAliasTable(entities, ambiguousKeys);
  const byId = new Map(entities.map((e) => [e.id, e]));
  for (const d of drafts) mentions.set(d.id, findMentions(d, matcher, byId));
  entities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { entities, ambiguous, mentions, places };
}

/**
 * Given names written alone (capitalised, not next to another capitalised word, never written in
 * lower case in the corpus) in an article that names a person with that given name in full.
 * Returns, per given name, its display form and every corpus person who has it. One pass over
 * the tokens with a hash look-up per capitalised word.
 */
function givenNamesUsedAlone(drafts: ArticleDraft[], entities: EntityDraft[], lower: Set<string>): Map<string, { display: string; ids: string[] }> {
  const byGiven = new Map<string, { display: string; rest: string[]; id: string }[]>();
  for (const e of entities) {
    if (e.kind !== 'person') continue;
    const display = e.name.split(/\s+/);
    const words = display.map((w) => normalize(w));
    if (words.length < 2 || !NAME_SHAPE.test(display[0]) || isTitleWord(words[0]) || lower.has(words[0])) continue;
    const list = byGiven.get(words[0]) ?? [];
    list.push({ display: display[0], rest: words.slice(1), id: e.id });
    byGiven.set(words[0], list);
  }
  const used = new Map<string, { display: string; ids: string[] }>();
  if (!byGiven.size) return used;
  for (const d of drafts) {
    const toks = d.tokens;
    const namedInFull = new Set<string>();
    const alone = new Set<string>();
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (!t.isWord || !t.isCap) continue;
      const people = byGiven.get(t.norm);
      if (!people) continue;
      let full = false;
      for (const p of people) {
        let ok = !t.isPossessive;
        for (let k = 0; k < p.rest.length && ok; k++) {
          const n = toks[i + 1 + k];
          ok = !!n && n.isWord && n.sentence === t.sentence && n.norm === p.rest[k];
        }
        if (ok) {
          namedInFull.add(p.id);
          full = true;
        }
      }
      if (full) continue;
      const prev = toks[i - 1];
      const next = toks[i + 1];
      const capNext = next && next.isWord && next.isCap && next.start - t.end <= 1 && !t.isPossessive;
      // A capital at the sentence start says nothing ("Later Anna …").
      const capPrev = prev && prev.isWord && prev.isCap && !prev.isSentenceStart && t.start - prev.end <= 1 && prev.sentence === t.sentence;
      if (!capNext && !capPrev) alone.add(t.norm);
    }
    for (const given of alone) {
      const people = byGiven.get(given)!;
      if (!people.some((p) => namedInFull.has(p.id))) continue;
      used.set(given, { display: people[0].display, ids: people.map((p) => p.id).sort() });
    }
  }
  return used;
}

function hasOrgHeadWords(words: string[]): boolean {
  return words.slice(1).some((w) => ORG_HEADS.has(w));
}

function mostFrequent(entries: [string, number][]): string {
  return entries.sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1))[0][0];
}

function preferredOrgName(entries: [string, number][]): string {
  // Prefer the capitalised head ("X Party" over "X party"), then the most frequent form.
  return entries.sort((a, b) => {
    const capA = /\s\p{Lu}[\p{L}]*$/u.test(a[0]) ? 1 : 0;
    const capB = /\s\p{Lu}[\p{L}]*$/u.test(b[0]) ? 1 : 0;
    return capB - capA || b[1] - a[1] || (a[0] < b[0] ? -1 : 1);
  })[0][0];
}

/** For each surname: is it used bare (capitalised, not after a given name) and with which titles. */
function surnameUsage(drafts: ArticleDraft[]): Map<string, { bare: boolean; titled: Set<string> }> {
  const use = new Map<string, { bare: boolean; titled: Set<string> }>();
  for (const d of drafts) {
    const toks = d.tokens;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (!t.isCap || !t.isWord) continue;
      const prev = toks[i - 1];
      const next = toks[i + 1];
      if (next && next.isCap && next.isWord && next.start - t.end <= 1 && !t.isPossessive) continue;
      let u = use.get(t.norm);
      if (!u) use.set(t.norm, (u = { bare: false, titled: new Set() }));
      if (prev && prev.isCap && prev.isWord && prev.sentence === t.sentence && t.start - prev.end <= 1) {
        if (PERSONAL_TITLES.has(prev.norm.replace(/\.$/, ''))) u.titled.add(`${prev.text} ${t.text.replace(/['\u2019]s?$/, '')}`);
        continue;
      }
      u.bare = true;
    }
  }
  return use;
}

/** Short forms ("X" of "X Party") that the corpus uses on their own, in one pass over the tokens. */
function usedAlone(drafts: ArticleDraft[], orgKeys: string[]): Set<string> {
  const wanted = new Map<string, { words: string[]; head: string }[]>();
  for (const key of orgKeys) {
    const words = key.split(' ');
    if (words.length < 2 || !ORG_HEADS.has(words[words.length - 1])) continue;
    const short = words.slice(0, -1);
    wanted.set(short[0], [...(wanted.get(short[0]) ?? []), { words: short, head: words[words.length - 1] }]);
  }
  const found = new Set<string>();
  for (const d of drafts) {
    const toks = d.tokens.filter((t) => t.isWord);
    for (let i = 0; i < toks.length; i++) {
      if (!toks[i].isCap) continue;
      for (const w of wanted.get(toks[i].norm) ?? []) {
        let ok = i + w.words.length <= toks.length;
        for (let k = 0; k < w.words.length && ok; k++) ok = toks[i + k].norm === w.words[k];
        if (!ok) continue;
        const next = toks[i + w.words.length];
        if (!next || next.norm !== w.head) found.add(w.words.join(' '));
      }
    }
  }
  return found;
}

function acronymFor(drafts: ArticleDraft[], words: string[], e: Evidence): string | null {
  const initials = words.filter((w) => !CONNECTORS.has(w)).map((w) => w[0]).join('');
  if (initials.length < 3) return null;
  for (const a of [...e.articles].sort((x, y) => x - y)) {
    for (const t of drafts[a].tokens) {
      if (!t.isWord || !ACRONYM.test(t.text) || /\d/.test(t.text)) continue;
      const acr = t.norm;
      if (acr.length < 3 || acr.length < initials.length - 1 || acr[0] !== initials[0]) continue;
      if (isSubsequence(acr, initials)) return t.text;
    }
  }
  return null;
}

function isSubsequence(needle: string, hay: string): boolean {
  let j = 0;
  for (let i = 0; i < hay.length && j < needle.length; i++) if (hay[i] === needle[j]) j++;
  return j === needle.length;
}

function addListedPlaces(drafts: ArticleDraft[], places: Set<string>, persons: Map<string, unknown>, orgs: Map<string, unknown>): void {
  for (const d of drafts) {
    const toks = d.tokens;
    // Items of a comma list are places when most of the list's items are known places.
    let i = 0;
    while (i < toks.length) {
      if (!toks[i].isCap || toks[i].start < d.bodyStart) {
        i++;
        continue;
      }
      const items: string[] = [];
      let j = i;
      while (j < toks.length && toks[j].isCap && toks[j].isWord) {
        let k = j;
        const words: string[] = [];
        while (k < toks.length && toks[k].isCap && toks[k].isWord && toks[k].sentence === toks[j].sentence) words.push(toks[k++].norm);
        items.push(words.join(' '));
        const sep = toks[k];
        if (!sep || sep.sentence !== toks[j].sentence || !(sep.text === ',' || sep.norm === 'and')) {
          j = k;
          break;
        }
        j = k + 1;
        if (toks[j] && toks[j].norm === 'and') j++;
      }
      if (items.length >= 3) {
        const known = items.filter((x) => places.has(x) || isKnownPlace(x)).length;
        if (known * 2 > items.length) for (const x of items) if (!persons.has(x) && !orgs.has(x)) places.add(x);
      }
      i = Math.max(j, i + 1);
    }
  }
}

interface AliasEntry {
  words: string[];
  entity: string | null;
  /** The alias has a possessive inside it ("People's Assembly"). */
  hasApostrophe: boolean;
}

function buildAliasTable(entities: EntityDraft[], ambiguousKeys: Set<string>): Map<string, AliasEntry[]> {
  const table = new Map<string, AliasEntry[]>();
  const add = (alias: string, entity: string | null) => {
    const words = wordsOf(alias);
    if (!words.length) return;
    const list = table.get(words[0]) ?? [];
    if (!list.some((x) => x.words.join(' ') === words.join(' '))) list.push({ words, entity, hasApostrophe: /['\u2019]/.test(alias) });
    table.set(words[0], list);
  };
  for (const e of entities) for (const a of e.aliases) add(a, e.id);
  for (const k of [...ambiguousKeys].sort()) add(k, null);
  for (const list of table.values()) list.sort((a, b) => b.words.length - a.words.length);
  return table;
}

const aliasWordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });

function wordsOf(alias: string): string[] {
  const out: string[] = [];
  for (const s of aliasWordSegmenter.segment(normalize(alias))) if (s.isWordLike) out.push(s.segment.replace(/'s?$/, ''));
  return out;
}

/** Finds every alias occurrence (longest first, whole words, first word capitalised). */
function findMentions(d: ArticleDraft, table: Map<string, AliasEntry[]>, entities: Map<string, EntityDraft>): MentionDraft[] {
  const toks = d.tokens;
  const out: MentionDraft[] = [];
  const words: number[] = [];
  for (let i = 0; i < toks.length; i++) if (toks[i].isWord) words.push(i);
  for (let w = 0; w < words.length; w++) {
    const t = toks[words[w]];
    if (!t.isCap) continue;
    const list = table.get(t.norm);
    if (!list) continue;
    let matched: AliasEntry | null = null;
    for (const entry of list) {
      if (w + entry.words.length > words.length) continue;
      let ok = true;
      for (let k = 0; k < entry.words.length && ok; k++) {
        const tk = toks[words[w + k]];
        ok = tk.norm === entry.words[k] && tk.sentence === t.sentence && (k === entry.words.length - 1 || !tk.isPossessive || entry.hasApostrophe);
      }
      if (ok) {
        matched = entry;
        break;
      }
    }
    if (!matched) continue;
    // The whole name must be one capitalised run: "Keep X" is fine, but "X Y" where Y extends
    // the name beyond the alias is another name ("Anna" in "Anna Berg").
    const lastIdx = words[w + matched.words.length - 1];
    const last = toks[lastIdx];
    const after = toks[lastIdx + 1];
    if (!last.isPossessive && after && after.isWord && after.isCap && after.start - last.end <= 1 && matched.words.length === 1 && !isTitleWord(after.norm) && !isPluralTitle(after.norm) && !ORG_HEADS.has(after.norm)) {
      w += matched.words.length - 1;
      continue;
    }
    if (matched.entity) {
      const start = t.start;
      const end = last.end;
      // Include a title written before a surname ("Mr Doe") in the mention.
      const prev = toks[words[w] - 1];
      const titled = prev && prev.isWord && prev.sentence === t.sentence && PERSONAL_TITLES.has(prev.norm.replace(/\.$/, '')) && t.start - prev.end <= 1 && entities.get(matched.entity)?.kind === 'person';
      const s = titled && !out.some((m) => m.end > prev.start) ? prev.start : start;
      out.push({
        entity: matched.entity,
        start: s,
        end,
        sentence: t.sentence,
        surface: d.text.slice(s, end),
        tokenStart: titled ? words[w] - 1 : words[w],
        tokenEnd: lastIdx + 1,
        isPossessive: last.isPossessive,
      });
    }
    w += matched.words.length - 1;
  }
  addGivenNameMentions(d, out, entities);
  out.sort((a, b) => a.start - b.start);
  return out;
}

/** "Anna" alone, in an article that names exactly one person with that given name in full. */
function addGivenNameMentions(d: ArticleDraft, out: MentionDraft[], entities: Map<string, EntityDraft>): void {
  const byGiven = new Map<string, Set<string>>();
  for (const m of out) {
    const e = entities.get(m.entity);
    if (!e || e.kind !== 'person') continue;
    const parts = normalize(e.name).split(/\s+/);
    if (parts.length < 2) continue;
    const set = byGiven.get(parts[0]) ?? new Set<string>();
    set.add(e.id);
    byGiven.set(parts[0], set);
  }
  if (!byGiven.size) return;
  const coveredSet = new Set<number>();
  for (const m of out) for (let k = m.tokenStart; k < m.tokenEnd; k++) coveredSet.add(k);
  const covered = (i: number) => coveredSet.has(i);
  const toks = d.tokens;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!t.isCap || !t.isWord) continue;
    const ids = byGiven.get(t.norm);
    if (!ids || ids.size !== 1 || covered(i)) continue;
    const next = toks[i + 1];
    if (next && next.isWord && next.isCap && next.start - t.end <= 1) continue;
    out.push({ entity: [...ids][0], start: t.start, end: t.end, sentence: t.sentence, surface: t.text, tokenStart: i, tokenEnd: i + 1, isPossessive: t.isPossessive });
  }
}
