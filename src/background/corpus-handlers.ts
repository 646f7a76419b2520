/** Background handlers of the corpus-store requests (CorpusProtocol), wired into handlers.ts. */
import type { CorpusProtocol } from '../shared/protocol';
import { serialiseCorpusFile } from '../store/corpus-file';
import { corpusStore } from './corpora';

type CorpusHandler<K extends keyof CorpusProtocol> = (payload: CorpusProtocol[K]['request']) => Promise<CorpusProtocol[K]['reply']>;

function requireString(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new Error(`${field}: expected a string`);
  return value;
}

/** One handler per corpus-store request. */
export const corpusHandlers: { [K in keyof CorpusProtocol]: CorpusHandler<K> } = {
  async listCorpora() {
    return (await corpusStore()).list();
  },
  async installCorpus({ file, name, active }) {
    const label = requireString(name, 'name');
    // Read record by record (the store's streamed install): the file's text is never parsed whole.
    return (await corpusStore()).installFileText(requireString(file, 'file'), `corpus file "${label}"`, { name: label, origin: 'imported', active: active !== false });
  },
  async setCorpusActive({ id, active }) {
    if (typeof active !== 'boolean') throw new Error('active: expected true or false');
    return (await corpusStore()).setActive(requireString(id, 'id'), active);
  },
  async renameCorpus({ id, name }) {
    return (await corpusStore()).rename(requireString(id, 'id'), requireString(name, 'name'));
  },
  async deleteCorpus({ id }) {
    await (await corpusStore()).delete(requireString(id, 'id'));
    return { deleted: true as const };
  },
  async exportCorpus({ id }) {
    const store = await corpusStore();
    const meta = await store.meta(requireString(id, 'id'));
    if (!meta) throw new Error(`there is no corpus with id "${id}"`);
    return { name: meta.name, file: serialiseCorpusFile(await store.readIndex(id)) };
  },
};
