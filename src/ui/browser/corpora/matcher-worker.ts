/**
 * The matcher worker: compiles an install's matcher beside the import worker (import-worker.ts
 * RemoteMatcher), which meanwhile writes the other rows of the generation: on this 2-core machine
 * the compile was a third of an add's time after the analysis, in the same thread as the rest. It
 * reads the claims of the generation replaced as soon as it is started (while the import worker
 * analyses), takes the install's records as they pass, and sends the matcher's parts back in the
 * order the install writes them; it writes nothing. The import worker owns it: terminated (a
 * cancel), the import worker takes it along.
 */
import { MatcherCompiler, type PreviousClaims } from '../../../core/match/compile';
import { CorpusStore, compiledMatcher } from '../../../store/corpus-store';
import type { CorpusRecord, CorpusSection } from '../../../store/corpus-file-reader';
import { fetchedGazetteer } from '../../../store/gazetteer-asset';
import { readPreviousClaims } from '../../../store/matcher-row';
import type { MatcherReply, MatcherRequest } from './import-protocol';

const scope = globalThis as unknown as { postMessage(reply: MatcherReply): void; onmessage: ((event: MessageEvent<MatcherRequest>) => void) | null; onmessageerror: (() => void) | null };

/** The claims of generation `data`, read in a connection of this worker's own (undefined when it has none to reuse). */
async function claimsOf(data: string): Promise<PreviousClaims | undefined> {
  const store = await CorpusStore.open();
  try {
    return await readPreviousClaims((shard) => store.db.get('matcher', [data, shard]));
  } finally {
    store.close();
  }
}

const compiler = new MatcherCompiler();
let previous: Promise<PreviousClaims | undefined> = Promise.resolve(undefined);
// The gazetteer fetched while the records come.
const gazetteer = fetchedGazetteer()();
let failed = false;

function fail(error: unknown): void {
  failed = true;
  scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}

async function finish(): Promise<void> {
  const claims = await previous;
  if (claims) compiler.reuseClaims(claims);
  for await (const part of compiledMatcher(compiler, () => gazetteer).parts()) scope.postMessage({ type: 'part', part });
  scope.postMessage({ type: 'done' });
}

scope.onmessage = (event) => {
  if (failed) return;
  const request = event.data;
  try {
    if (request.type === 'prepare') {
      // Not awaited until `finish`: a failed read leaves the claims to be read again (compile.ts reads every claim).
      if (request.previous !== undefined) previous = claimsOf(request.previous).catch(() => undefined);
    } else if (request.type === 'records') {
      for (const record of request.records) compiler.add(request.section, record as CorpusRecord<CorpusSection>);
    } else void finish().catch(fail);
  } catch (error) {
    fail(error);
  }
};

// Records that cannot be read are lost: a matcher compiled without them would not be the corpus's.
scope.onmessageerror = () => fail(new Error('records sent to it could not be read'));
