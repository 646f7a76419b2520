/**
 * Step 4: the descriptive phrases each outlet attaches to an entity:
 * - premodifiers ending in a role noun right before the name ("leadership rival X",
 *   "former shadow work and pensions secretary X"), shared across a list ("ministers X, Y and Z");
 * - appositions after the name that end at a comma ("X, the general secretary of …,");
 * - sentence-initial definite descriptions that refer back to the last named person
 *   ("… X … . The Eastholm MP vowed …").
 */
import type { Descriptor } from '../index/types';
import type { ArticleDraft, EntityDraft, MentionDraft, Token } from './context';
import { antecedentBefore } from './coref';
import { ROLE_NOUNS, SPEECH_VERBS, TITLES, isVerbOnly, wordTags } from './lexicon';

const BOUNDARY = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'my', 'your',
  'by', 'from', 'of', 'with', 'for', 'to', 'at', 'in', 'on', 'against', 'as', 'about', 'after', 'before',
  'than', 'between', 'behind', 'beyond', 'into', 'over', 'under', 'like', 'including', 'who', 'which',
  'that', 'he', 'she', 'they', 'it', 'we', 'i', 'you', 'but', 'or', 'nor', 'so', 'if', 'when', 'while',
  'is', 'was', 'are', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'can', 'could',
  'not', 'also', 'then', 'said', 'says', 'say', 'told', 'tells', 'via', 'among', 'amid', 'per', 'both',
]);
const PLAIN_TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr']);
const MAX_WORDS = 9;

/** Descriptors per article id and entity id, in text order, without duplicates. */
export type DescriptorTable = Map<string, Map<string, Descriptor[]>>;

/** A role noun ("secretary", "ministers"), a title ("MP"), or an agent noun ("backbencher"). */
function isRoleHead(t: Token): boolean {
  const singular = t.norm.length > 3 && t.norm.endsWith('s') ? t.norm.slice(0, -1) : t.norm;
  if (ROLE_NOUNS.has(t.norm) || ROLE_NOUNS.has(singular) || TITLES.has(t.norm)) return true;
  if (t.isCap) return false;
  return /(er|or|ist|ian)s?$/.test(t.norm) && wordTags(t.norm).includes('Noun') && !isVerbOnly(t.norm);
}

/** Finds every descriptor in every article. */
export function extractDescriptors(drafts: ArticleDraft[], entities: EntityDraft[], mentions: Map<string, MentionDraft[]>): DescriptorTable {
  const kinds = new Map(entities.map((e) => [e.id, e.kind]));
  const isPerson = (id: string) => kinds.get(id) === 'person';
  const table: DescriptorTable = new Map();
  for (const d of drafts) {
    const perEntity = new Map<string, Descriptor[]>();
    const add = (entity: string, text: string, sentence: number) => {
      const clean = text.replace(/\s+/g, ' ').trim();
      if (!clean || clean.split(' ').length > 14) return;
      const list = perEntity.get(entity) ?? [];
      if (!list.some((x) => x.text.toLowerCase() === clean.toLowerCase())) list.push({ text: clean, sentence });
      perEntity.set(entity, list);
    };
    const ms = mentions.get(d.id) ?? [];
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
    }
    // "The Eastholm MP vowed …": a definite description opening a sentence.
    for (let s = 0; s < d.sentences.length; s++) {
      const desc = openingDescription(d, s);
      if (!desc) continue;
      const who = antecedentBefore(d, ms, d.sentences[s].start, isPerson);
      if (who) add(who, desc, s);
    }
    table.set(d.id, perEntity);
  }
  return table;
}

function isListContinuation(d: ArticleDraft, prevEnd: number, start: number): boolean {
  const between = d.text.slice(prevEnd, start).trim();
  return between === ',' || between === 'and' || between === ', and';
}

/** Words right before the name, ending in a role noun or title: "leadership rival", "Acme trade union boss". */
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

/** ", the general secretary of the X," / ", national organiser," right after the name. */
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

/** "The Eastholm MP" / "The leader" opening a sentence and followed by a verb. */
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
