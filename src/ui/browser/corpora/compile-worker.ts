/**
 * The compile worker: compiles a corpus index's matcher data for the import worker, on a thread of
 * its own, so the import worker writes the corpus's other rows meanwhile instead of after.
 */
import { compileMatcher } from '../../../core/match/compile';
import type { CompileReply, CompileRequest } from './import-protocol';

const scope = globalThis as unknown as { postMessage(reply: CompileReply): void; onmessage: ((event: MessageEvent<CompileRequest>) => void) | null };

scope.onmessage = (event) => {
  let reply: CompileReply;
  try {
    reply = { ok: true, matcher: compileMatcher(event.data) };
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(reply);
};
