/**
 * Word keys: the form under which inflections of one word compare equal ("organised",
 * "organising" → one key). Irregular forms come from a table; the rest from a suffix stemmer.
 *
 * Why a hand-written stemmer and not a package: measured on the dev set (tests/unit/match/quality
 * .test.ts, claims per (sentence, article)), this stemmer and the Porter stemmer of the `stemmer`
 * package (2.0.1) both score 45 correct of 47 found, 54 expected (precision 0.957, recall 0.833);
 * with no stemming it is 43/43/54 (recall 0.796). With no gain to show, Porter's costs decide: it
 * would be the only package in the script injected into every page (the matcher keys page words
 * with this function), and it conflates harder ("election" → "elect", "general" → "gener"), which
 * regrouped 13 of the seeds' 36 claim groups with nothing to say the new groups are better.
 */

/**
 * Irregular forms folded to their base, so "wrote" and "written" key as "write". The corpus and
 * page tables used to disagree on "people" ("person" on one side, "people" on the other): it folds
 * to "person" here, as every regular plural folds to its singular, so "a person" and "200 people"
 * count the same unit. Synonym-like mappings that only one fixture used ("signatories" → "sign")
 * are gone: this table holds inflections only.
 */
const IRREGULAR: ReadonlyMap<string, string> = new Map(
  (
    'wrote:write written:write said:say told:tell won:win held:hold began:begin begun:begin gave:give ' +
    'given:give took:take taken:take made:make met:meet led:lead brought:bring thought:think found:find ' +
    'spoke:speak spoken:speak stood:stand ran:run sent:send spent:spend paid:pay sold:sell fell:fall ' +
    'fallen:fall rose:rise risen:rise grew:grow grown:grow knew:know known:know threw:throw thrown:throw ' +
    'chose:choose chosen:choose drew:draw drawn:draw struck:strike sought:seek fought:fight lost:lose ' +
    'built:build became:become came:come went:go gone:go saw:see seen:see got:get had:have did:do done:do ' +
    'felt:feel kept:keep left:leave meant:mean heard:hear read:read set:set cut:cut hit:hit shut:shut ' +
    'quit:quit bore:bear borne:bear swept:sweep wept:weep slept:sleep taught:teach caught:catch bought:buy ' +
    'overtook:overtake undertook:undertake withdrew:withdraw ' +
    'women:woman men:man people:person children:child mice:mouse feet:foot teeth:tooth'
  )
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

/**
 * Words news writing swaps freely that no stemmer folds: "female MPs" and "women MPs" report the
 * same people. Adjective and noun of one meaning only, never topical synonyms.
 */
const SYNONYMS: ReadonlyMap<string, string> = new Map([
  ['female', 'woman'],
  ['male', 'man'],
]);

const VOWEL = /[aeiouy]/;

/** The base form of an irregular form or a listed synonym ("took" → "take"), else the word itself. */
export function lemma(word: string): string {
  return IRREGULAR.get(word) ?? SYNONYMS.get(word) ?? word;
}

/**
 * The key of one lower-case, normalised word: irregular forms to their base, then a light suffix
 * stemmer that folds plurals, -ed, -ing, -ly and a final -e ("organise", "organised",
 * "organising" share one key). Deterministic; precision over linguistic accuracy.
 */
export function stem(word: string): string {
  // The base of an irregular form goes through the suffix rules too, so "wrote" keys as "write"
  // does ("writ"); returning the base as it stood made "wrote" and "write" two keys.
  let w = lemma(word);
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('ied') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ing') && w.length > 5 && VOWEL.test(w.slice(0, -3))) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length > 4 && VOWEL.test(w.slice(0, -2))) w = undouble(w.slice(0, -2));
  else if (w.endsWith('ly') && w.length > 5) {
    w = w.slice(0, -2);
    // An adverb of a participle keys as its verb ("overwhelmingly", "reportedly"): "overwhelming" does.
    if (w.endsWith('ing') && w.length > 5 && VOWEL.test(w.slice(0, -3))) w = undouble(w.slice(0, -3));
    else if (w.endsWith('ed') && w.length > 4 && VOWEL.test(w.slice(0, -2))) w = undouble(w.slice(0, -2));
  }
  else if (/(?:ches|shes|xes|zes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

// "stopped" → "stopp" → "stop"; "falling" keeps its double l ("fall"), as do -ss and -zz stems.
function undouble(w: string): string {
  const n = w.length;
  if (n >= 3 && w[n - 1] === w[n - 2] && !'lsz'.includes(w[n - 1])) return w.slice(0, -1);
  return w;
}
