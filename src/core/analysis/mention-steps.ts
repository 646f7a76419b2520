/**
 * An article's descriptors and quotes kept from one analysis for the next, so that an add does not
 * run steps 4 and 5 over every article it holds (they read every article's tokens: 1.3-3.0 s CPU of
 * adding 10 generated articles to 5,000, most of it making Token objects nothing else then needed).
 *
 * Both steps read, besides the article's own draft (the same for a held article: its record and
 * tokens do not change under one id; the entity step's fingerprint guards against another corpus's
 * state), the article's mentions and whether each mentioned entity is a person, and nothing else of
 * the corpus, except for one input: the definite descriptions given to an article's dominant person
 * (04-descriptors.ts nominalDescriptors) need that person's office nouns found anywhere in the
 * corpus, which an added article can change. So an article's descriptors are kept in two parts: what
 * the per-mention rules found (a function of the key alone), and the office nouns the nominal rule
 * read with what it gave; the nominal rule runs again only when those office nouns changed. Quotes
 * are kept without their text, which is made again from the article text and the spans as step 5
 * makes it (quoteText).
 */
import type { Descriptor, QuoteTense } from '../index/types';
import { digest } from '../match/symbols';
import { articleFingerprint } from './03-entities/kept';
import { quoteText, type QuoteDraft } from './05-quotes';
import type { ArticleDraft, MentionDraft } from './context';

/** One article's descriptors, by entity in the order step 4 gives them. */
export type DescriptorEntries = [string, Descriptor[]][];

/** An article's descriptors as kept (see the header). */
export interface KeptDescriptors {
  /** What the per-mention and sentence-opening rules found. */
  found: DescriptorEntries;
  /** The office nouns the nominal rule read for the article's dominant person, sorted and joined by " " ("" when it read none). */
  offices: string;
  /** The descriptors after the nominal rule, when it added any (else they are `found`). */
  nominal: DescriptorEntries | null;
}

/** A quote as kept: speaker, speaker text, spans (start, end, start, end …), sentences, tense. */
type KeptQuote = [string | null, string | null, number[], number[], QuoteTense];

/** What steps 4 and 5 leave of one article for the next analysis. */
export interface KeptMentionSteps {
  /** The digest of the article's fingerprint and its mentions (mentionKey). */
  key: string;
  descriptors: KeptDescriptors;
  quotes: KeptQuote[];
}

/** The digest of what steps 4 and 5 read of one article besides its draft: its fingerprint, and its mentions with their entities' person flag. */
function mentionKey(d: ArticleDraft, mentions: readonly MentionDraft[], isPerson: (entity: string) => boolean): string {
  return digest(JSON.stringify([articleFingerprint(d), mentions.map((m) => [m.entity, isPerson(m.entity), m.start, m.end, m.sentence, m.surface, m.tokenStart, m.tokenEnd, m.isPossessive])]));
}

/** Whether a kept entry has the shape this analysis wrote (a state read back from storage may not). */
function usable(entry: unknown): entry is KeptMentionSteps {
  if (!entry || typeof entry !== 'object') return false;
  const e = entry as Partial<KeptMentionSteps>;
  const d = e.descriptors;
  const entries = (list: unknown) => Array.isArray(list) && list.every((x) => Array.isArray(x) && typeof x[0] === 'string' && Array.isArray(x[1]));
  return typeof e.key === 'string' && !!d && typeof d.offices === 'string' && entries(d.found) && (d.nominal === null || entries(d.nominal)) && Array.isArray(e.quotes) && e.quotes.every((q) => Array.isArray(q) && q.length === 5 && Array.isArray(q[2]) && Array.isArray(q[3]));
}

/** Descriptors and quotes taken from an earlier analysis where an article's inputs are the same, and the state this one leaves. */
export class MentionStepReuse {
  private readonly keys = new Map<string, string>();
  private readonly made = new Map<string, Partial<KeptMentionSteps>>();

  constructor(
    drafts: readonly ArticleDraft[],
    mentions: ReadonlyMap<string, readonly MentionDraft[]>,
    isPerson: (entity: string) => boolean,
    private readonly previous: ReadonlyMap<string, unknown> | undefined,
    /** Receives every article's kept entry, when this analysis leaves a state. */
    private readonly next: Map<string, KeptMentionSteps> | undefined,
  ) {
    for (const d of drafts) this.keys.set(d.id, mentionKey(d, mentions.get(d.id) ?? [], isPerson));
  }

  /** Per article, its kept entry when usable (null when not), once asked. */
  private readonly checked = new Map<string, KeptMentionSteps | null>();

  /** The kept entry of article `id` when its inputs are the same as when it was kept. */
  kept(id: string): KeptMentionSteps | undefined {
    let entry = this.checked.get(id);
    if (entry === undefined) {
      const kept = this.previous?.get(id);
      this.checked.set(id, (entry = usable(kept) && kept.key === this.keys.get(id) ? kept : null));
    }
    return entry ?? undefined;
  }

  /** Records an article's descriptors for the next analysis. */
  keepDescriptors(id: string, descriptors: KeptDescriptors): void {
    this.entry(id).descriptors = descriptors;
  }

  /** One article's quotes: the kept ones when its inputs are the same, else `extract`'s. */
  quotes(d: ArticleDraft, extract: () => QuoteDraft[]): QuoteDraft[] {
    const kept = this.kept(d.id);
    if (kept) {
      this.entry(d.id).quotes = kept.quotes;
      return kept.quotes.map(([speaker, speakerText, flat, sentences, tense]) => {
        const spans: { start: number; end: number }[] = [];
        for (let k = 0; k + 1 < flat.length; k += 2) spans.push({ start: flat[k], end: flat[k + 1] });
        return { article: d.id, speaker, speakerText, text: quoteText(d, { segments: spans }), spans, sentences: [...sentences], tense };
      });
    }
    const quotes = extract();
    this.entry(d.id).quotes = quotes.map((q) => [q.speaker, q.speakerText, q.spans.flatMap((s) => [s.start, s.end]), [...q.sentences], q.tense]);
    return quotes;
  }

  private entry(id: string): Partial<KeptMentionSteps> {
    let e = this.made.get(id);
    if (!e) {
      this.made.set(id, (e = { key: this.keys.get(id) }));
      if (this.next) this.next.set(id, e as KeptMentionSteps);
    }
    return e;
  }
}
