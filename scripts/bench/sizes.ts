/**
 * Weighs what the extension puts into pages (every script and stylesheet the built manifest's
 * content_scripts inject, raw and gzip), the compact matcher data and the full index per article.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Raw and gzip bytes of one file. */
export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}

/** The sizes section of the bench. */
export interface SizesResult {
  injected: FileSize[];
  injectedTotal: { raw: number; gzip: number };
  matcherData: FileSize;
  /** Whether the content script bundle contains the matcher data (else it is loaded some other way). */
  matcherDataInlined: boolean;
  index: FileSize & { articles: number; perArticleRaw: number; perArticleGzip: number };
  /** The card UI script the background injects on the first hover (weighed from a bench build). */
  cardUi: FileSize | null;
  /** Where the content script's bytes come from (before minification), biggest first. */
  contentShares: { group: string; bytes: number }[];
  cardUiShares: { group: string; bytes: number }[];
}

function weigh(path: string, label: string): FileSize {
  const bytes = readFileSync(path);
  return { file: label, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** Weighs one file (raw and gzip). */
export function weighFile(path: string, label: string): FileSize {
  return weigh(path, label);
}

/** Reads the sizes from a Chrome build folder and the generated index files. */
export function measureSizes(extDir: string, generatedDir: string): SizesResult {
  const manifest = JSON.parse(readFileSync(join(extDir, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[]; css?: string[] }[];
  };
  const files = new Set<string>();
  for (const cs of manifest.content_scripts ?? []) for (const f of [...(cs.js ?? []), ...(cs.css ?? [])]) files.add(f);
  const injected = [...files].map((f) => weigh(join(extDir, f), f));
  // A loader-style content script imports further chunks; count those too (the standalone build has none).
  for (const f of [...files]) {
    const text = readFileSync(join(extDir, f), 'utf8');
    for (const m of text.matchAll(/import\(\s*["'`](?:chrome-extension:\/\/[^/]+\/|\/)?([^"'`]+\.js)["'`]\s*\)/g)) {
      if (!files.has(m[1]) && existsSync(join(extDir, m[1]))) {
        files.add(m[1]);
        injected.push(weigh(join(extDir, m[1]), m[1]));
      }
    }
  }
  const injectedTotal = { raw: injected.reduce((a, f) => a + f.raw, 0), gzip: 0 };
  // Gzip of the concatenation: what the bytes compress to as one payload.
  injectedTotal.gzip = gzipSync(Buffer.concat([...files].map((f) => readFileSync(join(extDir, f)))), { level: 9 }).length;

  const matcherPath = join(generatedDir, 'matcher.json');
  const matcherData = weigh(matcherPath, 'src/generated/matcher.json');
  const matcherJson = readFileSync(matcherPath, 'utf8');
  // The data is inlined when the bundle holds its longest string value (minifiers keep strings).
  const strings = matcherJson.match(/"[^"\\]{8,}"/g) ?? [];
  const longest = strings.reduce((a, b) => (b.length > a.length ? b : a), '').slice(1, -1);
  const bundleText = [...files].map((f) => readFileSync(join(extDir, f), 'utf8')).join('\n');
  const matcherDataInlined = longest !== '' && bundleText.includes(longest);

  const indexPath = join(generatedDir, 'index.json');
  const index = weigh(indexPath, 'src/generated/index.json');
  const articles = (JSON.parse(readFileSync(indexPath, 'utf8')) as { articles?: unknown[] }).articles?.length ?? 0;
  return {
    cardUi: null,
    contentShares: [],
    cardUiShares: [],
    injected,
    injectedTotal,
    matcherData,
    matcherDataInlined,
    index: {
      ...index,
      articles,
      perArticleRaw: articles ? index.raw / articles : Number.NaN,
      perArticleGzip: articles ? index.gzip / articles : Number.NaN,
    },
  };
}
