/**
 * What of each record the matcher's compile reads (core/match/compile.ts MatcherCompiler.add), for
 * records sent to a compile in another worker (import-worker.ts RemoteMatcher): their structured
 * clone is on the install's way, and of the ~185 MB an index of 5,000 generated articles clones to
 * (v8.serialize), the claim groups (38 MB) and quote groups (9 MB), of which the compile reads the
 * ids, and the claims' keywords, figures, dates, type and id (22 of their 64 MB) are not read.
 * The other sections go whole. tests/unit/store/matcher-input.test.ts checks that a compile of
 * the cut records stores the same parts as a compile of the records.
 */
import type { CorpusRecord, CorpusSection } from './corpus-file-reader';

/** Record `record` of `section` cut to what the compile reads (the same object when it reads all of it, about). */
export function compileInput<S extends CorpusSection>(section: S, record: CorpusRecord<S>): CorpusRecord<S> {
  switch (section) {
    case 'quoteGroups':
    case 'claimGroups':
      return { id: (record as CorpusRecord<'claimGroups'>).id } as CorpusRecord<S>;
    case 'claims': {
      const { article, sentence, group, entities, places, text } = record as CorpusRecord<'claims'>;
      return { article, sentence, group, entities, places, text } as CorpusRecord<S>;
    }
    default:
      return record;
  }
}
