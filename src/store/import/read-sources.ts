/**
 * sources.json, the CLI corpus format's metadata file: an object mapping article ids (the .txt
 * file names without extension) to { outlet, headline, date, url }. The CLI's corpus reader and
 * the browser import share this one reader, so both accept and reject the same entries.
 */
import { isWebUrl } from './fields';

/** Metadata for one article, as sources.json gives it ("unknown" where it says so). */
export type SourceMeta = Partial<Record<'outlet' | 'headline' | 'date' | 'url', string>>;

/** One problem: about the whole file (`entry` absent) or one entry, by its id. */
export interface SourcesProblem {
  entry?: string;
  reason: string;
}

const META_FIELDS = ['outlet', 'headline', 'date', 'url'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The metadata of every valid entry, and a problem for each bad one; a bad entry loses only itself. */
export function parseSources(text: string): { meta: Map<string, SourceMeta>; problems: SourcesProblem[] } {
  const meta = new Map<string, SourceMeta>();
  const problems: SourcesProblem[] = [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    problems.push({ reason: `not valid JSON (${(e as Error).message}); metadata ignored` });
    return { meta, problems };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    problems.push({ reason: 'expected an object mapping article ids to {outlet, headline, date, url}; metadata ignored' });
    return { meta, problems };
  }
  for (const [id, value] of Object.entries(json as Record<string, unknown>)) {
    if (id.startsWith('//')) continue;
    const bad = (why: string) => problems.push({ entry: id, reason: `${why}; metadata for this article ignored` });
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      bad('expected an object');
      continue;
    }
    const entry: SourceMeta = {};
    let ok = true;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (!(META_FIELDS as readonly string[]).includes(k)) {
        if (k.startsWith('//') || k === 'note') continue;
        bad(`unknown field "${k}"`);
        ok = false;
        break;
      }
      if (typeof v !== 'string' || !v) {
        bad(`field "${k}" must be a non-empty string`);
        ok = false;
        break;
      }
      if (k === 'date' && v !== 'unknown' && !ISO_DATE.test(v)) {
        bad(`field "date" must be YYYY-MM-DD or "unknown", got ${JSON.stringify(v)}`);
        ok = false;
        break;
      }
      if (k === 'url' && v !== 'unknown' && !isWebUrl(v)) {
        // Cards and the corpus browser may link to the source: only http(s) addresses. The rest of
        // the entry is still good, so only the url is dropped.
        problems.push({ entry: id, reason: `field "url" must be an http(s) address or "unknown", got ${JSON.stringify(v)}; url recorded as "unknown"` });
        continue;
      }
      entry[k as keyof SourceMeta] = v;
    }
    if (ok) meta.set(id, entry);
  }
  return { meta, problems };
}
