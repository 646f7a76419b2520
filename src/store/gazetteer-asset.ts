/**
 * The gazetteer a reader's corpus is compiled with (core/lang/gazetteer.ts: which of its places lie
 * in which). A packaged file (src/generated/gazetteer.bin, written by scripts/pack-gazetteer.ts),
 * fetched and unpacked while a corpus is installed, never by a page nor by the matching side: the
 * pairs it gives are stored with the matcher (MatcherData.placeWithinGazetteer). When it cannot be
 * read the install goes on with the places the corpus text relates (the failure is logged).
 */
import { gunzipSync, strFromU8 } from 'fflate';
import { gazetteerContainment, unpackGazetteer, type Gazetteer } from '../core/lang/gazetteer';

/**
 * The packaged file's address. `new URL(…, import.meta.url)` rather than a `?url` import: vite
 * emits the file either way, and outside vite (a script under tsx) this module still loads; the
 * fetch of a file: URL then fails and is logged like any other failure.
 */
const GAZETTEER_URL = new URL('../generated/gazetteer.bin', import.meta.url).href;

/** Loads a gazetteer for a compile; resolves to null when there is none to be had. */
export type GazetteerSource = () => Promise<Gazetteer | null>;

/** The gazetteer of packed bytes (gzipped GazetteerPack JSON); throws naming `source` and what is wrong. */
export function gazetteerFromBytes(bytes: Uint8Array, source: string): Gazetteer {
  let text: string;
  try {
    text = strFromU8(gunzipSync(bytes));
  } catch (error) {
    throw new Error(`${source}: not gzip data (${error instanceof Error ? error.message : String(error)})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source}: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  return unpackGazetteer(value, source);
}

/**
 * A source that fetches `url` (the packaged file by default) and unpacks it; a failure is logged
 * and gives null, so the corpus installs with text-only place containment.
 */
export function fetchedGazetteer(url: string = GAZETTEER_URL): GazetteerSource {
  return async () => {
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return gazetteerFromBytes(new Uint8Array(await response.arrayBuffer()), url);
    } catch (error) {
      console.warn(
        `Coverage Lens: the gazetteer (${url}) was not loaded (${error instanceof Error ? error.message : String(error)}); this corpus's places are related by what its articles say only`,
      );
      return null;
    }
  };
}

/**
 * The (inner, outer) place pairs `source`'s gazetteer gives `places` (core gazetteerContainment),
 * or undefined when it gave none to use (not loaded, or failing: logged). Loaded per call and let go
 * after, so an install holds the gazetteer only while it compiles; no places, nothing is loaded.
 */
export async function gazetteerPairs(places: readonly string[], source: GazetteerSource): Promise<number[] | undefined> {
  if (places.length === 0) return undefined;
  try {
    const gazetteer = await source();
    return gazetteer ? gazetteerContainment(places, gazetteer) : undefined;
  } catch (error) {
    console.warn(`Coverage Lens: place containment by the gazetteer failed (${error instanceof Error ? error.message : String(error)}); this corpus's places are related by what its articles say only`);
    return undefined;
  }
}
