/**
 * Step 4: the descriptive phrases each outlet attaches to an entity:
 * - premodifiers ending in a role noun right before the name ("party rival X",
 *   "former deputy housing minister X"), shared across a list ("ministers X, Y and Z");
 * - appositions after the name that end at a comma ("X, the chief executive of …,");
 * - sentence-initial definite descriptions that refer back to the last named person
 *   ("… X … . The Eastholm MP vowed …");
 * - "as" predicates right after the name ("re-elect X as harbour master");
 * - definite descriptions elsewhere in a sentence ("… support for the beleaguered mayor"), given to
 *   the article's dominant person only, and only when their office noun is one the corpus already
 *   uses for that person and for nobody else the article describes (see `nominalDescriptors`).
 */
import type { Descriptor } from '../index/types';
import type { ArticleDraft, EntityDraft, MentionDraft, Token } from './context';
import { antecedentBefore } from './coref';
import { isVerbOnly, wordTags } from '../lang/pos';
import { SPEECH_VERBS } from '../lang/reporting-verbs';
import { DESCRIPTOR_BOUNDARY as BOUNDARY, OFFICE_NOUNS, RELATIONAL_MODIFIERS, ROLE_NOUNS } from '../lang/roles';
import { COURTESY_TITLES as PLAIN_TITLES, TITLES } from '../lang/titles';
import { ARTICLES as DETERMINERS } from '../lang/closed-class';
import { isInside } from './context';
import type { DescriptorEntries, MentionStepReuse } from './mention-steps';

const MAX_WORDS = 9;
/** Longest descriptor taken from a definite description or an "as" predicate. */
const MAX_NOMINAL_WORDS = 8;

/** Descriptors per article id and entity id, in text order, without duplicates. */
export type DescriptorTable = Map<string, Map<string, Descriptor[]>>;

/** A role noun ("secretary", "ministers"), a title ("MP"), or an agent noun ("campaigner"). */
function isRoleHead(t: Token): boolean {
  const singular = t.norm.length > 3 && t.norm.endsWith('s') ? t.norm.slice(0, -1) : t.norm;
  if (ROLE_NOUNS.has(t.norm) || ROLE_NOUNS.has(singular) || TITLES.has(t.norm)) return true;
  if (t.isCap) return false;
  return /(er|or|ist|ian)s?$/.test(t.norm) && wordTags(t.norm).includes('Noun') && !isVerbOnly(t.norm);
}

/**
 * Finds every descriptor in every article. With `reuse` (an earlier analysis's state,
 * mention-steps.ts), an article whose mentions are the same takes what the per-mention rules found
 * from it without reading its tokens, and what the nominal rule gave too when the office nouns that
 * rule reads are the same.
 */
export function extractDescriptors(drafts: ArticleDraft[], entities: EntityDraft[], mentions: Map<string, MentionDraft[]>, reuse?: MentionStepReuse): DescriptorTable {
  const kinds = new Map(entities.map((e) => [e.id, e.kind]));
  const isPerson = (id: string) => kinds.get(id) === 'person';
  const table: DescriptorTable = new Map();
  for (const d of drafts) {
    const kept = reuse?.kept(d.id);
    table.set(d.id, kept ? new Map(kept.descriptors.found) : foundDescriptors(d, mentions.get(d.id) ?? [], isPerson));
  }
  // Office nouns each person is given by the rules above, anywhere in the corpus: a later
  // definite description may only reuse one of these (one pass over what was found, linear).
  const offices = new Map<string, Set<string>>();
  for (const perEntity of table.values()) {
    for (const [entity, list] of perEntity) {
      if (!isPerson(entity)) continue;
      for (const x of list) {
        const head = officeHead(x.text);
        if (!head) continue;
        let set = offices.get(entity);
        if (!set) offices.set(entity, (set = new Set()));
        set.add(head);
      }
    }
  }
  for (const d of drafts) {
    const ms = mentions.get(d.id) ?? [];
    const top = dominantPerson(ms, isPerson);
    const known = top ? offices.get(top) : undefined;
    const read = known ? [...known].sort().join(' ') : '';
    const kept = reuse?.kept(d.id);
    if (kept && kept.descriptors.offices === read) {
      if (kept.descriptors.nominal) table.set(d.id, new Map(kept.descriptors.nominal));
      reuse!.keepDescriptors(d.id, kept.descriptors);
      continue;
    }
    // The lists are copied: a kept one is shared with the state, and the nominal rule adds to them.
    const found: DescriptorEntries = [...table.get(d.id)!].map(([e, list]) => [e, [...list]]);
    const perEntity = new Map(found.map(([e, list]): [string, Descriptor[]] => [e, [...list]]));
    let before = 0;
    for (const list of perEntity.values()) before += list.length;
    if (top && known) nominalDescriptors(d, ms, perEntity, top, known);
    let after = 0;
    for (const list of perEntity.values()) after += list.length;
    table.set(d.id, perEntity);
    reuse?.keepDescriptors(d.id, { found, offices: read, nominal: after > before ? [...perEntity] : null });
  }
  return table;
}

/** What the per-mention rules and sentence-opening descriptions find in one article (all but the nominal rule). */
function foundDescriptors(d: ArticleDraft, ms: MentionDraft[], isPerson: (id: string) => boolean): Map<string, Descriptor[]> {
  const perEntity = new Map<string, Descriptor[]>();
  const add = (entity: string, text: string, sentence: number) => addDescriptor(perEntity, entity, text, sentence);
  let listDescriptor: { text: string; end: number } | null = null;
  for (const m of ms) {
    // Organisations get appositions only: words before an organisation's name mostly modify
    // something else ("the X leader").
    const pre = isPerson(m.entity) ? premodifier(d, m, ms) : null;
    if (pre) {
      add(m.entity, pre, m.sentence);
      listDescriptor = isPerson(m.entity) ? { text: pre, end: m.end } : null;
    } else if (listDescriptor && isListContinuation(d, listDescriptor.end, m.start)) {
      add(m.entity, listDescriptor.text, m.sentence);
      listDescriptor.end = m.end;
    } else {
      listDescriptor = null;
    }
    const app = apposition(d, m);
    if (app) add(m.entity, app, m.sentence);
    const as = isPerson(m.entity) ? asPredicate(d, m, ms) : null;
    if (as) add(m.entity, as, m.sentence);
  }
  // "The Eastholm MP vowed …": a definite description opening a sentence.
  for (let s = 0; s < d.sentences.length; s++) {
    const desc = openingDescription(d, s);
    if (!desc) continue;
    const who = antecedentBefore(d, ms, d.sentences[s].start, isPerson);
    if (who) add(who, desc, s);
  }
  return perEntity;
}

/** Adds a descriptor unless the entity already has it (ignoring case and a leading article). */
function addDescriptor(perEntity: Map<string, Descriptor[]>, entity: string, text: string, sentence: number): void {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (!clean || clean.split(' ').length > 14) return;
  const key = descriptorKey(clean);
  const list = perEntity.get(entity) ?? [];
  if (!list.some((x) => descriptorKey(x.text) === key)) list.push({ text: clean, sentence });
  perEntity.set(entity, list);
}

function descriptorKey(text: string): string {
  return text.toLowerCase().replace(/^(the|a|an) /, '');
}

/** The office noun heading a descriptor ("secretary" of "the general secretary of X"), if any. */
function officeHead(text: string): string | null {
  const words = text.toLowerCase().split(' ');
  const cut = words.findIndex((w) => w === 'of' || w === 'for' || w === 'at' || w === 'in');
  const head = (cut >= 0 ? words.slice(0, cut) : words).pop() ?? '';
  const singular = head.length > 3 && head.endsWith('s') && !head.endsWith('ss') ? head.slice(0, -1) : head;
  return OFFICE_NOUNS.has(singular) ? singular : null;
}

/**
 * "X as party leader": an "as" phrase right after a person's name, headed by an office noun.
 * A possessive ("as his deputy") or any clause word ends the phrase and drops it.
 */
function asPredicate(d: ArticleDraft, m: MentionDraft, ms: MentionDraft[]): string | null {
  if (m.isPossessive || isInside(d.quotedSpans, m.start)) return null;
  const toks = d.tokens;
  const as = toks[m.tokenEnd];
  if (!as || !as.isWord || as.norm !== 'as' || as.sentence !== m.sentence) return null;
  let k = m.tokenEnd + 1;
  if (toks[k]?.isWord && DETERMINERS.has(toks[k].norm)) k++;
  const from = k;
  for (; k < toks.length && k - from < MAX_NOMINAL_WORDS; k++) {
    const t = toks[k];
    if (t.sentence !== m.sentence) return null;
    if (!t.isWord) {
      if (t.text === '-' && t.start === toks[k - 1]?.end) continue;
      return null;
    }
    if (!isModifierWord(t, k, ms)) return null;
    if (OFFICE_NOUNS.has(t.norm) && endsNounPhrase(toks, k)) return phraseText(d, toks[from], t);
  }
  return null;
}

/**
 * "… support for the beleaguered mayor": a definite description inside a sentence, headed by an
 * office noun and not followed by a name. It is given to the article's dominant person (named
 * before it, and more than twice as often as anyone else) when the corpus already describes that
 * person with the same office noun and the article describes nobody else with it; otherwise it is
 * left out, since a wrong descriptor is worse than none. Sentence-initial descriptions, quoted
 * words, appositions and phrases with a possessive determiner ("his deputy" is someone else) are
 * not taken here.
 */
function nominalDescriptors(d: ArticleDraft, ms: MentionDraft[], perEntity: Map<string, Descriptor[]>, top: string, known: ReadonlySet<string>): void {
  let firstAt = -1;
  for (const m of ms) {
    if (m.entity === top) {
      firstAt = m.start;
      break;
    }
  }
  // Office nouns this article gives to other people: the description could be theirs.
  const taken = new Set<string>();
  for (const [entity, list] of perEntity) {
    if (entity === top) continue;
    for (const x of list) {
      const head = officeHead(x.text);
      if (head) taken.add(head);
    }
  }
  const toks = d.tokens;
  for (let k = 0; k < toks.length; k++) {
    const head = toks[k];
    if (!head.isWord || !known.has(head.norm) || taken.has(head.norm) || head.start < firstAt) continue;
    if (!endsNounPhrase(toks, k)) continue;
    // Walk back to "the" over modifier words.
    let j = k - 1;
    let ok = false;
    for (; j >= 0 && k - j <= MAX_NOMINAL_WORDS; j--) {
      const t = toks[j];
      if (t.sentence !== head.sentence) break;
      if (!t.isWord) {
        if (t.text === '-' && t.end === toks[j + 1]?.start) continue;
        break;
      }
      if (t.norm === 'the') {
        ok = true;
        break;
      }
      if (!isModifierWord(t, j, ms) || RELATIONAL_MODIFIERS.has(t.norm)) break;
    }
    if (!ok) continue;
    const det = toks[j];
    if (det.isSentenceStart || isInside(d.quotedSpans, det.start)) continue;
    const before = toks[j - 1];
    if (before && before.sentence === det.sentence && (before.text === ',' || before.norm === 'as' || before.norm === 'of')) continue;
    addDescriptor(perEntity, top, phraseText(d, toks[j + 1], head), head.sentence);
  }
}

/** The article's dominant person: named at least twice, and more than twice as often as anyone else (null when none is). */
function dominantPerson(ms: MentionDraft[], isPerson: (entity: string) => boolean): string | null {
  const counts = new Map<string, number>();
  for (const m of ms) if (isPerson(m.entity)) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
  let top: string | null = null;
  let topCount = 0;
  let second = 0;
  for (const [entity, n] of counts) {
    if (n > topCount || (n === topCount && top !== null && entity < top)) {
      second = Math.max(second, topCount);
      top = entity;
      topCount = n;
    } else {
      second = Math.max(second, n);
    }
  }
  return !top || topCount < 2 || topCount <= 2 * second ? null : top;
}

/** A word that may stand inside a descriptive noun phrase (not a clause word, a verb of saying, a number or a person's name). */
function isModifierWord(t: Token, k: number, ms: MentionDraft[]): boolean {
  if (BOUNDARY.has(t.norm) || SPEECH_VERBS.has(t.norm) || /\d/.test(t.norm)) return false;
  return !ms.some((o) => k >= o.tokenStart && k < o.tokenEnd && kindIsPersonish(o));
}

/** The office noun at `k` ends its phrase: no name, complement or further noun follows. */
function endsNounPhrase(toks: Token[], k: number): boolean {
  const t = toks[k];
  if (t.isPossessive) return true;
  const next = toks[k + 1];
  if (!next || next.sentence !== t.sentence || !next.isWord) return true;
  if (next.isCap) return false;
  if (next.norm === 'of' || next.norm === 'for' || next.norm === 'and' || next.norm === 'or') return false;
  if (BOUNDARY.has(next.norm) || SPEECH_VERBS.has(next.norm)) return true;
  const tags = wordTags(next.norm);
  return !(tags.includes('Noun') && !tags.includes('Verb'));
}

function phraseText(d: ArticleDraft, from: Token, to: Token): string {
  const text = d.text.slice(from.start, to.end);
  return to.isPossessive ? text.replace(/['\u2019]s?$/, '') : text;
}

function isListContinuation(d: ArticleDraft, prevEnd: number, start: number): boolean {
  const between = d.text.slice(prevEnd, start).trim();
  return between === ',' || between === 'and' || between === ', and';
}

/** Words right before the name, ending in a role noun or title: "party rival", "Acme trade union boss". */
function premodifier(d: ArticleDraft, m: MentionDraft, ms: MentionDraft[]): string | null {
  const toks = d.tokens;
  let nameStart = m.tokenStart;
  let titleText = '';
  const first = toks[nameStart];
  if (first && TITLES.has(first.norm.replace(/\.$/, '')) && !PLAIN_TITLES.has(first.norm.replace(/\.$/, ''))) {
    titleText = first.text;
  }
  let i = nameStart - 1;
  const words: Token[] = [];
  while (i >= 0 && words.length < MAX_WORDS) {
    const t = toks[i];
    if (t.sentence !== m.sentence) break;
    if (!t.isWord) {
      if (t.text === '-' && t.start === toks[i + 1]?.end) {
        i--;
        continue;
      }
      break;
    }
    if (BOUNDARY.has(t.norm) && !(t.norm === 'and' && words.length > 0)) break;
    // Out-of-context tags call "work" or "trade" verbs; only inflected verb forms end the phrase.
    if (SPEECH_VERBS.has(t.norm) || (!t.isCap && /(ed|ing)$/.test(t.norm) && !isRoleHead(t) && isVerbOnly(t.norm))) break;
    // A capitalised sentence opener belongs to the descriptor only if it is a common word ("Union organiser X").
    if (t.isSentenceStart && t.isCap && (isAliasStart(t, ms) || !isCommonNoun(t))) break;
    if (ms.some((o) => o !== m && i >= o.tokenStart && i < o.tokenEnd && kindIsPersonish(o))) break;
    words.unshift(t);
    i--;
  }
  // Trim leading "and" and require a noun head right before the name.
  while (words.length && words[0].norm === 'and') words.shift();
  if (!words.length && !titleText) return null;
  if (words.length) {
    const head = words[words.length - 1];
    if (!titleText && !isRoleHead(head)) return null;
  }
  const from = words.length ? words[0].start : first.start;
  const to = titleText ? first.end : words[words.length - 1].end;
  if (words.length === 0 && titleText && PLAIN_TITLES.has(first.norm)) return null;
  void nameStart;
  return d.text.slice(from, to);
}

function isCommonNoun(t: Token): boolean {
  if (ROLE_NOUNS.has(t.norm) || TITLES.has(t.norm)) return true;
  const tags = wordTags(t.norm);
  return (tags.includes('Noun') || tags.includes('Adjective')) && !tags.includes('ProperNoun') && !tags.includes('Person') && !tags.includes('Place');
}

function isAliasStart(t: Token, ms: MentionDraft[]): boolean {
  return ms.some((m) => m.start === t.start);
}

function kindIsPersonish(m: MentionDraft): boolean {
  return m.entity.startsWith('person:');
}

/** ", the chief executive of the X," / ", regional director," right after the name. */
function apposition(d: ArticleDraft, m: MentionDraft): string | null {
  const toks = d.tokens;
  const comma = toks[m.tokenEnd];
  if (!comma || comma.text !== ',' || comma.sentence !== m.sentence) return null;
  const words: Token[] = [];
  let k = m.tokenEnd + 1;
  for (; k < toks.length && words.length <= 14; k++) {
    const t = toks[k];
    if (t.sentence !== m.sentence) return null;
    if (!t.isWord && t.text !== '-' && t.text !== '\u2019' && t.text !== "'") break;
    words.push(t);
  }
  const closer = toks[k];
  const endsSentence = !closer || closer.sentence !== m.sentence || closer.text === '.';
  if (!words.length || (closer?.text !== ',' && !endsSentence)) return null;
  const firstWord = words[0];
  if (/^(who|which|that|whose|where|when|he|she|they|it|set|known)$/.test(firstWord.norm)) return null;
  // The phrase must be headed by a role noun before any "of"/"for" complement.
  const headEnd = words.findIndex((w) => w.norm === 'of' || w.norm === 'for' || w.norm === 'at' || w.norm === 'in');
  const headWords = headEnd >= 0 ? words.slice(0, headEnd) : words;
  if (!headWords.some((w) => ROLE_NOUNS.has(w.norm))) return null;
  if (headWords.some((w) => !w.isCap && isVerbOnly(w.norm))) return null;
  return d.text.slice(words[0].start, words[words.length - 1].end);
}

/** "The Eastholm MP" / "The minister" opening a sentence and followed by a verb. */
function openingDescription(d: ArticleDraft, s: number): string | null {
  const toks = d.tokens;
  const start = d.sentenceTokenStart[s];
  const first = toks[start];
  if (!first || first.norm !== 'the' || first.start < d.bodyStart) return null;
  const words: Token[] = [];
  for (let k = start + 1; k < toks.length && k < start + 6; k++) {
    const t = toks[k];
    if (t.sentence !== s || !t.isWord) return null;
    words.push(t);
    if (ROLE_NOUNS.has(t.norm) || (TITLES.has(t.norm) && t.isCap)) {
      const next = toks[k + 1];
      if (!next || !next.isWord || next.isCap) return null;
      const tags = wordTags(next.norm);
      if (!tags.includes('Verb') && !SPEECH_VERBS.has(next.norm)) return null;
      return d.text.slice(first.start, t.end).replace(/^The\b/, 'the');
    }
    if (SPEECH_VERBS.has(t.norm)) return null;
  }
  return null;
}
