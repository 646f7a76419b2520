/**
 * English function words that are never a name nor the first word of one, even when a sentence,
 * a quotation or a headline capitalises them ("That party …", "This Group …", "Our Union").
 * Closed-class words only: determiners, pronouns, prepositions, conjunctions, auxiliaries; not
 * "will" and "may", which are also given names ("Will Doe", "May Quint").
 */
export const CLOSED_CLASS_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the this that these those such some any each every either neither no none all both few many much ' +
    'more most other another its it his her hers their theirs our ours your yours my mine whose which what ' +
    'who whom he she they we you i me him us them one ones here there then than when where while why how ' +
    'and or but nor so yet if because although though unless since until as at by for from in into of off ' +
    'on onto out over per to under up upon via with within without after before during against among ' +
    'is are was were be been being am do does did have has had would shall should can could ' +
    'might must not also only just even still'
  ).split(/\s+/),
);
