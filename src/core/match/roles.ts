/**
 * Who a page sentence names by role only ("the harbour workers' union boss", "the former deputy
 * mayor"): a run of words that the corpus's own descriptors of people use, ending in a role noun,
 * resolved to the one person whose descriptors hold the most of the run's words. A single role word
 * ("the leader") fits many people and resolves to nobody; so does a tie. The claim scorer takes the
 * person for an actor the sentence names (the re-ranker's actorShared), so a claim of what that
 * person did agrees on who did it; the run's words stay words, as a corpus claim keeps its
 * descriptors beside the name (reading the run as the name alone, its key for its words, lost more
 * links it shared through those words than it gained: see the README's round of roles).
 */
import { OFFICE_NOUNS, ROLE_NOUNS } from '../lang/roles';

/**
 * Fewest distinct descriptor words a role run needs: one role word ("leader", "secretary") is
 * shared by many people of any corpus, two words of one description ("dockers' spokeswoman", "harbour
 * master") are what outlets write to tell them apart.
 */
export const MIN_ROLE_WORDS = 2;
/** Most words a run holds before it stops collecting (a descriptor is a few words; a longer run is a list). */
const MAX_RUN = 8;
/** Articles between a name and its apposition ("X, the harbour master"). */
const ARTICLES: ReadonlySet<string> = new Set(['the', 'a', 'an']);
/** Agent-noun endings that head a role no list holds ("campaigner", "backbencher", "strategist"). */
const AGENT_ENDING = /(er|or|ist|ian|man|woman)$/;

/** A role noun, an office, or an agent noun (singular or plural). */
export function isRoleWord(norm: string): boolean {
  const singular = norm.length > 4 && norm.endsWith('ies') ? `${norm.slice(0, -3)}y` : norm.length > 3 && norm.endsWith('s') ? norm.slice(0, -1) : norm;
  return ROLE_NOUNS.has(norm) || ROLE_NOUNS.has(singular) || OFFICE_NOUNS.has(singular) || (norm.length > 4 && AGENT_ENDING.test(singular));
}

/** Resolves role runs of one sentence at a time; reused across sentences (no allocation per word). */
export class RoleResolver {
  /** Per descriptor word, the persons whose descriptors use it. */
  private readonly actors: Int32Array[];
  /** Per entity, how many distinct descriptor words it has (the share tie-break's denominator). */
  private readonly size: Int32Array;
  private readonly count: Int32Array;
  private readonly countStamp: Int32Array;
  private readonly wordStamp: Int32Array;
  private stamp = 0;
  private readonly run = new Int32Array(MAX_RUN);
  private n = 0;
  /** Token index of the run's first and last word. */
  private first = 0;
  private last = 0;
  private lastIsRole = false;
  /** An apostrophe just followed the run: "s" next makes it a possessive. */
  private apostrophe = false;
  /** A person's name came last (commas and articles aside): a run now is its apposition. */
  private afterName = false;
  /** The open run stands beside a name ("X, the harbour master, …"): it describes that name, resolves nobody. */
  private apposition = false;
  /** Resolved runs of the sentence: flat (first token, last token, entity). */
  readonly runs: number[] = [];

  constructor(descriptorWords: readonly string[], entityDescriptors: readonly (readonly number[])[], entityKinds: string) {
    const byWord: number[][] = descriptorWords.map(() => []);
    this.size = new Int32Array(entityDescriptors.length);
    entityDescriptors.forEach((ws, e) => {
      if (entityKinds[e] !== 'p') return;
      this.size[e] = ws.length;
      for (const w of ws) byWord[w]?.push(e);
    });
    this.actors = byWord.map((l) => Int32Array.from(l));
    this.count = new Int32Array(entityDescriptors.length);
    this.countStamp = new Int32Array(entityDescriptors.length);
    this.wordStamp = new Int32Array(descriptorWords.length);
  }

  /** Starts a sentence. */
  begin(): void {
    this.runs.length = 0;
    this.n = 0;
    this.apostrophe = false;
    this.afterName = false;
  }

  /**
   * A person's name: a run right before it is its premodifier ("harbour master X") and one right
   * after it its apposition ("X, the harbour master"); either describes the name, so it resolves
   * nobody and its words stay words, as the corpus's claims keep them beside the name.
   */
  name(): void {
    this.n = 0;
    this.apostrophe = false;
    this.afterName = true;
  }

  /** Word `i` of the sentence: `descriptor` its index in descriptorWords (-1 when no descriptor uses it). */
  word(descriptor: number, norm: string, i: number): void {
    if (this.apostrophe) {
      this.apostrophe = false;
      // "the guild's chairwoman": the possessor is part of the role; "the mayor's deputy" is two roles.
      if (norm === 's' && this.n > 0) {
        if (this.lastIsRole) this.close();
        return;
      }
      this.close();
    }
    if (descriptor < 0) {
      this.close();
      if (!ARTICLES.has(norm)) this.afterName = false;
      return;
    }
    if (this.n === 0) {
      this.first = i;
      this.apposition = this.afterName;
    }
    this.afterName = false;
    if (this.n < MAX_RUN) this.run[this.n++] = descriptor;
    this.last = i;
    this.lastIsRole = isRoleWord(norm);
  }

  /** A token that is no word: an apostrophe may make a possessive, anything else ends the run. */
  mark(norm: string): void {
    if ((norm === "'" || norm === '\u2019') && this.n > 0 && !this.apostrophe) {
      this.apostrophe = true;
      return;
    }
    this.apostrophe = false;
    this.close();
    if (norm !== ',') this.afterName = false;
  }

  /** Ends the run (a place, an organisation's name, a figure). */
  gap(): void {
    this.apostrophe = false;
    this.afterName = false;
    this.close();
  }

  /** Ends the sentence; `runs` then holds its resolved runs, in text order. */
  end(): void {
    this.gap();
  }

  private close(): void {
    const n = this.n;
    this.n = 0;
    if (n < MIN_ROLE_WORDS || !this.lastIsRole || this.apposition) return;
    const s = ++this.stamp;
    let distinct = 0;
    let best = -1;
    let bestCount = 0;
    let bestShare = 0;
    let tied = false;
    for (let k = 0; k < n; k++) {
      const w = this.run[k];
      if (this.wordStamp[w] === s) continue;
      this.wordStamp[w] = s;
      distinct++;
      for (const e of this.actors[w]) {
        if (this.countStamp[e] !== s) {
          this.countStamp[e] = s;
          this.count[e] = 0;
        }
        this.count[e]++;
      }
    }
    if (distinct < MIN_ROLE_WORDS) return;
    for (let k = 0; k < n; k++) {
      for (const e of this.actors[this.run[k]]) {
        const c = this.count[e];
        if (c < MIN_ROLE_WORDS || e === best) continue;
        // Ties on words go to the person the run describes most of: "the deputy leader" is the one
        // whose descriptors are those words, not the one who is also called much else.
        const share = c / this.size[e];
        if (c > bestCount || (c === bestCount && share > bestShare)) {
          best = e;
          bestCount = c;
          bestShare = share;
          tied = false;
        } else if (c === bestCount && share === bestShare) tied = true;
      }
    }
    if (best >= 0 && !tied) this.runs.push(this.first, this.last, best);
  }
}
