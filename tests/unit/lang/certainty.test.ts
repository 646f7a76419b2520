/** Certainty and modality of a sentence (core/lang/certainty), on invented sentences. */
import { describe, expect, it } from 'vitest';
import { Certainty, compareCertainty, readCertainties, readCertainty } from '../../../src/core/lang/certainty';
import { wordRun } from '../../../src/core/lang/segment';

/** Reads a sentence; words between straight double quotes count as quoted. */
function read(text: string) {
  const run = wordRun(text);
  const quoted: boolean[] = [];
  let inside = false;
  for (let i = 0; i < run.norm.length; i++) {
    if (run.norm[i] === '"') inside = !inside;
    quoted.push(inside);
  }
  return readCertainty(run, 0, run.norm.length, (i) => quoted[i]);
}

describe('readCertainty', () => {
  it.each([
    ['The ferry operator may have cancelled the crossings.', Certainty.possible, 'may have'],
    ['The mayor could close the bridge.', Certainty.possible, 'could'],
    ['The alleged fraud cost the council money.', Certainty.possible, 'alleged'],
    ['Police reportedly arrested two men.', Certainty.possible, 'reportedly'],
    ['The minister is expected to resign.', Certainty.expected, 'is expected to'],
    ['She will tell the union that the yard stays open.', Certainty.expected, 'will'],
    ['The yard closes next month.', Certainty.expected, 'next month'],
    ['The ferry operator cancelled the crossings.', Certainty.stated, ''],
    ['The council confirmed the closure.', Certainty.confirmed, 'confirmed'],
    // The reporting clause decides: what follows "said" is the speaker's tense, not the writer's hedge.
    ['She said the yard will stay open.', Certainty.stated, ''],
    // Quoted words are the speaker's.
    ['"We may strike," the union said.', Certainty.stated, ''],
    // A hedge outranks a confirmation in the same clause.
    ['The bridge could officially close in May.', Certainty.possible, 'could'],
    // A confirming speech verb ends the reporting clause: the hedge after it is the council's.
    ['The council confirmed the bridge could close.', Certainty.confirmed, 'confirmed'],
    // "would" is mostly reported speech moved into the past, not a hedge: a reported "will".
    ['The mayor pledged that the bridge would reopen.', Certainty.expected, 'pledged'],
    // "May" inside a sentence is the month.
    ['The bridge reopened in May.', Certainty.stated, ''],
    ['May the bridge reopen soon.', Certainty.possible, 'may'],
    // A participle adds a clause to what was done.
    ['The mayor opened the bridge, promising two new ferries.', Certainty.stated, ''],
    // A promise is what is to come.
    ['The mayor promised two new ferries to the island.', Certainty.expected, 'promised'],
    ['The mayor said the bridge would have reopened by now.', Certainty.stated, ''],
    ['The mayor would like the bridge to reopen.', Certainty.stated, ''],
    // Headline grammar: a capitalised subject, then "to" and a verb, is what is planned.
    ['Mayor to open new ferry terminal', Certainty.expected, 'to'],
    ['Harbour Board Chair to cut fares', Certainty.expected, 'to'],
    // A sentence opening with a phrase of "to" is no headline future.
    ['According to police the ferry sank.', Certainty.stated, ''],
    ['Up to 300 passengers waited at the pier.', Certainty.stated, ''],
    // "to" later in the sentence is no headline future either.
    ['The mayor went to the pier.', Certainty.stated, ''],
    // After a determiner, "claims" and "pledges" are nouns naming speech, not the writer's hedge.
    ['The mayor addressed the claims directly on the pier.', Certainty.stated, ''],
    ['The council kept its pledges on the ferry.', Certainty.stated, ''],
    // Before "by", "of", "from" too: "claims by the mayor" says whose claim, not the writer's hedge.
    ['The inquiry follows claims by the mayor that the ferry sank.', Certainty.stated, ''],
    ['The island received pledges of help from the council.', Certainty.stated, ''],
    // "could not", "could never": a denied ability is stated, as "couldn't" is; "could not have" too.
    ['The crews could not carry on as before.', Certainty.stated, ''],
    ['The crews could never win the vote.', Certainty.stated, ''],
    ['The crews could not have known.', Certainty.stated, ''],
    ["The crews couldn't carry on as before.", Certainty.stated, ''],
    // The verbs still hedge or promise.
    ['The mayor claims the ferry sank.', Certainty.possible, 'claims'],
    ['The council pledges two new ferries.', Certainty.expected, 'pledges'],
  ])('%s → level %i (%j)', (text, level, cue) => {
    expect(read(text)).toEqual({ level, cue });
  });
});

describe('readCertainties: what a speech verb reports', () => {
  it.each([
    ['The mayor said the bridge would reopen in May.', Certainty.stated, Certainty.expected, 'would'],
    ['The mayor said the bridge would have reopened by May.', Certainty.stated, Certainty.stated, ''],
    ['The mayor said the bridge reopened in May.', Certainty.stated, Certainty.stated, ''],
    // What is promised is to come: the promise's content reads as the promise does, unless it has a cue of its own.
    ['The mayor promised crews new ferries.', Certainty.expected, Certainty.expected, 'promised'],
    ['The mayor vowed the bridge stays open.', Certainty.expected, Certainty.expected, 'vowed'],
    ['The mayor vowed the bridge could reopen in May.', Certainty.expected, Certainty.possible, 'could'],
  ])('%s', (text, clause, content, cue) => {
    const run = wordRun(text);
    const r = readCertainties(run, 0, run.norm.length);
    expect([r.clause.level, r.content?.level, r.content?.cue]).toEqual([clause, content, cue]);
  });
});

describe('compareCertainty', () => {
  it.each([
    [Certainty.possible, Certainty.stated, 'more-certain'],
    [Certainty.stated, Certainty.expected, 'less-certain'],
    [Certainty.possible, Certainty.confirmed, 'more-certain'],
    [Certainty.stated, Certainty.stated, null],
  ])('page %i, corpus %i → %s', (page, corpus, kind) => {
    expect(compareCertainty(page, corpus)).toBe(kind);
  });
});
