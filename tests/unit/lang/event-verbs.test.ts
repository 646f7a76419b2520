/**
 * The vector probe for event verbs (fitted by scripts/fit-verb-probe.ts): cases checked by hand.
 * The probe is precise rather than complete (held-out precision 0.751, recall 0.525, in the fitted
 * file): many verbs ("rejected", "launched") are not found, so only what it must call a verb and
 * what it must not are asserted.
 */
import { describe, expect, it } from 'vitest';
import { isEventVerb } from '../../../src/core/lang/event-verbs';
import { wordVectors } from '../../../scripts/lib/word-vectors';

const vectors = wordVectors();
const verb = (w: string) => isEventVerb(w, vectors.vector(w));

describe('isEventVerb', () => {
  it.each(['voted', 'banned', 'backed', 'passed', 'attacked', 'denounced', 'sued', 'hired'])('%s is an event verb', (w) => {
    expect(verb(w)).toBe(true);
  });
  it.each(['bridge', 'council', 'purple', 'weeks', 'minister', 'yesterday', 'million', 'election', 'leader'])('%s is not', (w) => {
    expect(verb(w)).toBe(false);
  });
  it.each(['said', 'told', 'announced'])('speech verb %s is left out (the reported event is the predicate)', (w) => {
    expect(verb(w)).toBe(false);
  });
  it('a word without a vector, or a vector of another length, is no verb', () => {
    expect(isEventVerb('rejected', null)).toBe(false);
    expect(isEventVerb('rejected', new Float32Array(3).fill(1))).toBe(false);
  });
});
