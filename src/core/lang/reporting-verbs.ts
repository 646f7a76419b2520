/** Verbs that introduce speech or a reported statement, and the words that set their tense. */
import { isContractedFuture } from './contractions';

/**
 * The plain verbs of saying, every form ("say", "told", "added"): they report without saying
 * anything of their own ("warned", "denied" do), so they are no topic either (STOPWORDS).
 */
export const PLAIN_SPEECH_VERBS: readonly string[] = ['say', 'says', 'said', 'saying', 'tell', 'tells', 'told', 'telling', 'add', 'adds', 'added', 'adding'];

/** Verbs that introduce speech or a reported statement (all forms listed). */
export const SPEECH_VERBS: ReadonlySet<string> = new Set([
  ...PLAIN_SPEECH_VERBS,
  'write', 'writes', 'wrote', 'written', 'writing', 'state', 'states', 'stated', 'insist', 'insists',
  'insisted', 'claim', 'claims', 'claimed', 'argue', 'argues', 'argued', 'warn', 'warns', 'warned',
  'explain', 'explains', 'explained', 'declare', 'declares', 'declared', 'announce', 'announces',
  'announced', 'vow', 'vows', 'vowed', 'promise', 'promises', 'promised', 'confirm', 'confirms',
  'confirmed', 'reveal', 'reveals', 'revealed', 'suggest', 'suggests', 'suggested', 'acknowledge',
  'acknowledges', 'acknowledged', 'ask', 'asks', 'asked', 'reply', 'replies', 'replied', 'urge', 'urges',
  'urged', 'note', 'notes', 'noted', 'comment', 'comments', 'commented', 'conclude', 'concluded',
  'admit', 'admits', 'admitted', 'accuse', 'accuses', 'accused', 'allege', 'alleges', 'alleged',
  'deny', 'denies', 'denied', 'predict', 'predicts', 'predicted', 'recall', 'recalls', 'recalled',
  'continue', 'continues', 'continued', 'tweet', 'tweets', 'tweeted', 'post', 'posted', 'stress',
  'stresses', 'stressed', 'maintain', 'maintains', 'maintained', 'believe', 'believes', 'believed',
  'report', 'reports', 'reported', 'agree', 'agrees', 'agreed', 'call', 'calls', 'called',
]);

/** Speech verbs in the present tense ("says"); "said" and the rest make a quote past or neutral. */
export const PRESENT_SPEECH: ReadonlySet<string> = new Set([
  'says', 'tells', 'adds', 'writes', 'states', 'insists', 'claims', 'argues', 'warns', 'explains', 'declares',
  'announces', 'vows', 'promises', 'confirms', 'reveals', 'suggests', 'acknowledges', 'asks', 'replies',
  'urges', 'notes', 'comments', 'admits', 'accuses', 'alleges', 'denies', 'predicts', 'recalls', 'continues',
  'tweets', 'stresses', 'maintains', 'believes', 'reports', 'agrees', 'calls',
]);

/**
 * Future auxiliaries: before a speech verb they date the telling ("will say"), and certainty.ts
 * reads them alone as an expectation. The contracted "'ll" is never a token of its own ("he'll" is
 * one word to the analysis's segmenter, "he", "'", "ll" to the page tokenizer): lang/contractions
 * reads it for both (isFutureMarker, certainty.ts).
 */
export const FUTURE_AUXILIARIES: readonly string[] = ['will', 'shall'];

/** Words that mark the following speech verb as future ("will say", "is expected to say"). */
export const FUTURE_MARKERS: ReadonlySet<string> = new Set([...FUTURE_AUXILIARIES, 'expected', 'set', 'due', 'going', 'poised', 'likely']);

/** Whether a word of the analysis's segmenter marks a following speech verb as future: FUTURE_MARKERS, or a contracted future ("she'll say"). */
export function isFutureMarker(word: string): boolean {
  return FUTURE_MARKERS.has(word) || isContractedFuture(word);
}
