/**
 * People named by role only (match/roles.ts): which runs of a sentence's words resolve to one
 * person through the corpus's own descriptors, table-driven on invented descriptors; and through the
 * claim scorer on an invented corpus, that such a run names the claim's actor.
 */
import { describe, expect, it } from 'vitest';
import { analyseCorpus } from '../../../src/core/analysis';
import { compileMatcher, createMatcher } from '../../../src/core/match';
import { F, FEATURE_COUNT } from '../../../src/core/match/rerank';
import { RoleResolver, isRoleWord } from '../../../src/core/match/roles';
import { Tokens, WORD, tokenize } from '../../../src/core/match/tokens';

const WORDS = ['harbour', 'master', 'former', 'union', 'leader', 'dockers', 'deputy', 'mayor'];
const id = (w: string) => WORDS.indexOf(w);
/** Invented people (and one organisation) with the descriptor words the corpus gives them. */
const PEOPLE: [kind: string, words: string[]][] = [
  ['p', ['harbour', 'master', 'former']], // 0: "former harbour master X"
  ['p', ['union', 'leader', 'dockers']], // 1: "dockers' union leader Y"
  ['p', ['deputy', 'mayor', 'leader']], // 2: "deputy mayor Z", "council leader Z"
  ['p', ['union', 'leader']], // 3: "union leader W", said of nobody else
  ['o', ['harbour', 'master']], // 4: an organisation is never a role's referent
];

/** Words the harness reads as a person's name, as the scorer's name hits would. */
const NAMES: ReadonlySet<string> = new Set(['quint', 'berg']);

/** The persons resolved in `text`, as (entity, first word, last word) in text order. */
function resolve(text: string, people = PEOPLE): [number, string, string][] {
  const r = new RoleResolver(WORDS, people.map(([, ws]) => ws.map(id)), people.map(([k]) => k).join(''));
  const t = new Tokens();
  tokenize(text, t);
  r.begin();
  for (let i = 0; i < t.count; i++) {
    if (NAMES.has(t.norm[i])) r.name();
    else if (t.flags[i] & WORD) r.word(id(t.norm[i]), t.norm[i], i);
    else r.mark(t.norm[i]);
  }
  r.end();
  const out: [number, string, string][] = [];
  for (let k = 0; k < r.runs.length; k += 3) out.push([r.runs[k + 2], t.norm[r.runs[k]], t.norm[r.runs[k + 1]]]);
  return out;
}

describe('RoleResolver', () => {
  it.each([
    ['the person whose descriptors hold the run', 'The former harbour master said the pier would close.', [[0, 'former', 'master']]],
    ['one role word fits many people: nobody', 'The leader said the pier would close.', []],
    ['most words wins ("dockers union leader": 3 against 2)', 'The dockers union leader spoke.', [[1, 'dockers', 'leader']]],
    ['a tie on words goes to the person the run describes most of', 'The union leader spoke.', [[3, 'union', 'leader']]],
    ['a possessor is part of the role', "The union's leader spoke.", [[3, 'union', 'leader']]],
    ["a role's possessive ends the run: two roles, each one word", "The leader's deputy spoke.", []],
    ['the run must end in a role noun', 'The harbour union voted.', []],
    ['a word no descriptor uses breaks the run', 'The harbour and pier master spoke.', []],
    ['two roles in one sentence', 'The deputy mayor met the former harbour master.', [[2, 'deputy', 'mayor'], [0, 'former', 'master']]],
    ['a run before a name is its premodifier: nobody', 'The former harbour master Quint said the pier would close.', []],
    ['a run after a name is its apposition: nobody', 'Quint, the former harbour master, said the pier would close.', []],
    ['a name further away leaves a role a role', 'Quint met the dockers union leader.', [[1, 'dockers', 'leader']]],
  ] as const)('%s', (_why, text, expected) => {
    expect(resolve(text)).toEqual(expected);
  });

  it('a tie on words and on share resolves to nobody', () => {
    const twins: [string, string[]][] = [['p', ['union', 'leader']], ['p', ['union', 'leader']]];
    expect(resolve('The union leader spoke.', twins)).toEqual([]);
  });

  it.each([
    ['leader', true],
    ['secretaries', true],
    ['backbencher', true],
    ['spokeswoman', true],
    ['union', false],
    ['harbour', false],
  ] as const)('isRoleWord(%s) is %s', (word, expected) => {
    expect(isRoleWord(word)).toBe(expected);
  });
});

describe('a role run reads as the named person in the claim scorer', () => {
  const index = analyseCorpus([
    {
      id: 'a1',
      text: 'Harbour talks stall\n\nPort director Ada Quint said the Eastport pier would close for repairs in May.\n\nOther officials declined to comment on the plans for the pier.',
    },
    {
      id: 'a2',
      text: 'Dock strike looms\n\nDockers union leader Tomas Berg said members would strike over pay at Eastport.\n\nTomas Berg said talks had failed.',
    },
  ]);
  const data = compileMatcher(index);
  const matcher = createMatcher(data);
  /** The features of the best-retrieved claim of article `article` for `text`. */
  const rowOf = (text: string, article: string): Float64Array | null => {
    let row: Float64Array | null = null;
    matcher.scan(text, {
      kinds: { claim: true },
      claimProbe: (claim, f) => {
        if (!row && data.articles[data.claims[claim][0]] === article) row = Float64Array.from(f.subarray(0, FEATURE_COUNT));
      },
    });
    return row;
  };

  it('"the port director" is the actor the claim names; "the director" is not', () => {
    const byRole = rowOf('The port director said the pier would close for repairs.', 'a1');
    expect(byRole?.[F.actorShared]).toBe(1);
    const byWord = rowOf('The director said the pier would close for repairs.', 'a1');
    expect(byWord?.[F.actorShared]).toBe(0);
  });

  it('a resolved role is the actor named; one role word only describes it (actorByDescriptor)', () => {
    const resolved = rowOf('The dockers union leader said members would strike over pay.', 'a2');
    expect([resolved?.[F.actorShared], resolved?.[F.actorByDescriptor]]).toEqual([1, 0]);
    const described = rowOf('The leader said members would strike over pay.', 'a2');
    expect([described?.[F.actorShared], described?.[F.actorByDescriptor]]).toEqual([0, 1]);
  });
});
