/**
 * English closed-class words: the one home of the determiners every reader composes its own list
 * from (articles, demonstratives, possessives), and of the words that are never a name. No imports:
 * the matcher's bundle takes it as it is.
 */

/** The articles. */
export const ARTICLES: ReadonlySet<string> = new Set(['a', 'an', 'the']);

/** Demonstratives before a singular noun ("this vote"); alone they are pronouns ("this claims …"). */
export const SINGULAR_DEMONSTRATIVES: readonly string[] = ['this', 'that'];

/** Demonstratives before a plural noun ("those members"). */
export const PLURAL_DEMONSTRATIVES: readonly string[] = ['these', 'those'];

/** Possessive determiners ("their members", "its board"). */
export const POSSESSIVE_DETERMINERS: readonly string[] = ['my', 'your', 'his', 'her', 'its', 'our', 'their'];

/** The determiners: articles, demonstratives and possessives. */
export const DETERMINERS: ReadonlySet<string> = new Set([...ARTICLES, ...SINGULAR_DEMONSTRATIVES, ...PLURAL_DEMONSTRATIVES, ...POSSESSIVE_DETERMINERS]);

/** Relative pronouns: they open a relative clause ("X, who faces a vote, …"). */
export const RELATIVE_PRONOUNS: ReadonlySet<string> = new Set(['who', 'whom', 'whose', 'which']);

/**
 * English function words that are never a name nor the first word of one, even when a sentence,
 * a quotation or a headline capitalises them ("That party …", "This Group …", "Our Union").
 * Closed-class words only: determiners, pronouns, prepositions, conjunctions, auxiliaries; not
 * "will" and "may", which are also given names ("Will Doe", "May Quint").
 */
export const CLOSED_CLASS_WORDS: ReadonlySet<string> = new Set([
  ...DETERMINERS,
  ...RELATIVE_PRONOUNS,
  ...(
    'such some any each every either neither no none all both few many much ' +
    'more most other another it hers theirs ours yours mine what ' +
    'he she they we you i me him us them one ones here there then than when where while why how ' +
    'and or but nor so yet if because although though unless since until as at by for from in into of off ' +
    'on onto out over per to under up upon via with within without after before during against among ' +
    'is are was were be been being am do does did have has had would shall should can could ' +
    'might must not also only just even still'
  ).split(/\s+/),
]);
