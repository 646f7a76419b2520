/**
 * Ablation builds of the content script's scan (a tool, not part of `npm run bench`; never shipped):
 * Chrome builds of one source tree, each cutting the content script off after one more step of the
 * scan, for `page-trace.ts` to set against FLOOR and against each other (issue 11's "scan main
 * thread" budget: what each step the product must take costs the page's thread).
 * Usage: `tsx scripts/bench/scan-ablations.ts OUT [CUT,...] [--src DIR] [--names]` writes `OUT/shipped` (the
 * tree as it is) and `OUT/CUT` for each cut (default: all of CUTS, in order); DIR (default the
 * repository) is a folder holding `src/` (with `src/generated`), `public/`, `scripts/lib/` and the
 * build's configuration, e.g. another worktree; `--names` builds unminified (for page-trace's
 * `PROFILE=1`). The tree is copied into a temporary folder and edited there (EDITS: anchored
 * replacements, each of which must match exactly once); the cut is read at run time from a module whose value the bundler cannot know, so every build holds the
 * whole script and evaluates the same code (a cut the bundler could see would drop the code after
 * it, and with it the cost of parsing it).
 * Then: `tsx scripts/bench/page-trace.ts 20000 12 OUT/eval OUT/boot ... OUT/shipped` with `FLOOR=1`.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT } from './seed-text';

/** Each cut: its number in the built script, and what runs up to it (each adds to the one before). */
export const CUTS: Record<string, { cut: number; does: string }> = {
  eval: { cut: 0, does: 'the content script evaluated (module code: request wrapper), startContentScript not called' },
  boot: { cut: 1, does: '+ the controller as shipped (getSiteState, settle wait, listeners, card triggers, session start and reports); PageScanner.start returns at once' },
  root: { cut: 2, does: '+ the article root found (findArticleRoot) and the change watcher started on it' },
  readloop: { cut: 21, does: '+ the whole root read as blocks (walkBlocks) in one synchronous loop: the read alone' },
  read: { cut: 3, does: "+ the whole root read as the scan reads it (on-screen blocks first, ahead of the root; frame-queue tasks, 8 blocks a task); no batch sent" },
  send: { cut: 4, does: "+ the scan's batches sent through the match client as shipped (page context, page date), as a request type the background refuses at once; every block answered with no match" },
  sendraw: { cut: 41, does: "read as 'read', each batch's texts sent straight through runtime.sendMessage as a refused request type (no match client: no page context, no page date, no block places): the messaging alone" },
  sendnoat: { cut: 42, does: "as 'send', but the batches sent without their blocks' places (`at`): the page context orders them as sent, no compareDocumentPosition" },
  sendflip: { cut: 44, does: "as 'send', with page-context.ts precedes(a, b) asked the other way round than shipped (until acea9ac shipped it, the flip: b.compareDocumentPosition(a) & PRECEDING; since then a.compareDocumentPosition(b) & FOLLOWING, the order test before it) (the same answer; Blink crawls back from the argument's branch looking for the receiver's, so blocks in page order are found a sibling or two away instead of after a walk back to the parent's first child)" },
  answers: { cut: 5, does: '+ the real matchBlocks answers received (names first, page context), then every block given no match: nothing applied or marked' },
  answersflip: { cut: 45, does: "as 'answers', with sendflip's order test" },
  viewport: { cut: 6, does: '+ the answers applied (marking policy, early names, twin pass) and markers written for on-screen blocks only: nothing held, no observer' },
  flip: { cut: 43, does: "the shipped scan with sendflip's order test (since acea9ac: the order test before it)" },
};

/** The module every edit reads the cut from (globalThis.__clCut overrides the build's number: never set on a page). */
const cutModule = (cut: number) => `/** Ablation cut (scripts/bench/scan-ablations.ts). Read from globalThis so that the bundler keeps every step's code. */
import type { Requester } from './match-client';
import { sendRuntimeMessage } from '../shared/runtime-lite';

export const CUT: number = (globalThis as unknown as { __clCut?: number }).__clCut ?? ${cut};

/** The match client's requests: matchBlocks sent as a refused type (4) or its answers dropped (5). */
export function cutRequest(request: Requester): Requester {
  return (async (type: string, payload: { blocks?: string[] }) => {
    if (type !== 'matchBlocks' || (CUT !== 4 && CUT !== 42 && CUT !== 44 && CUT !== 5 && CUT !== 45)) return request(type as never, payload as never);
    const none = { ok: true, value: { matches: (payload.blocks ?? []).map(() => []) } };
    if (CUT === 4 || CUT === 42 || CUT === 44) {
      await request('scanAblationProbe' as never, payload as never);
      return none;
    }
    const result = await request(type as never, payload as never);
    return result.ok ? none : result;
  }) as Requester;
}

/** A batch's texts sent as they are (cut 41), every block answered with no match. */
export async function cutSend(blocks: string[]): Promise<never[][]> {
  await sendRuntimeMessage({ type: 'scanAblationProbe', payload: { blocks } }).catch(() => undefined);
  return blocks.map(() => []);
}
`;

/** [file under src/page, anchor, replacement]: each anchor must occur exactly once. */
const EDITS: [string, string, string][] = [
  ['index.ts', "import { startContentScript } from './controller';", "import { startContentScript } from './controller';\nimport { CUT } from './cut';"],
  ['index.ts', '\ntry {\n  startContentScript({', '\nif (CUT !== 0) try {\n  startContentScript({'],
  ['page-context.ts', "import type { ContextStep, CorpusMatch } from '../shared/protocol';", "import type { ContextStep, CorpusMatch } from '../shared/protocol';\nimport { CUT } from './cut';"],
  [
    'page-context.ts',
    // Since acea9ac the shipped order test is the flipped one: the *flip cuts build the one before it, so the pair still compares the two.
    '  return (b.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_PRECEDING) !== 0;',
    '  if (CUT === 43 || CUT === 44 || CUT === 45) return (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;\n  return (b.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_PRECEDING) !== 0;',
  ],
  ['controller.ts', "import { whenPageSettled } from './page-settled';", "import { whenPageSettled } from './page-settled';\nimport { cutRequest } from './cut';"],
  ['controller.ts', 'const match = createMatchClient(env.request, ', 'const match = createMatchClient(cutRequest(env.request), '],
  ['page-scan.ts', "import { initWatchChanges } from './watch-changes';", "import { initWatchChanges } from './watch-changes';\nimport { CUT, cutSend } from './cut';"],
  [
    'page-scan.ts',
    '        const reply = this.options.match(\n',
    '        const reply = CUT === 41 ? cutSend(sent.map((r) => r.block.text)) : CUT === 42 ? this.options.match(sent.map((r) => r.block.text), this.options.kinds, (names) => this.showEarly(sent, names)) : this.options.match(\n',
  ],
  [
    'page-scan.ts',
    "    doc.defaultView?.addEventListener('beforeprint', () => this.placeAll(), { signal });\n",
    "    doc.defaultView?.addEventListener('beforeprint', () => this.placeAll(), { signal });\n" +
      '    if (CUT === 1) return;\n' +
      '    if (CUT === 2) {\n      this.resolveRoot(signal);\n      return;\n    }\n' +
      '    if (CUT === 21) {\n      let chars = 0;\n      for (const b of walkBlocks(this.resolveRoot(signal))) chars += b.text.length;\n      if (chars < 0) throw new Error(String(chars));\n      return;\n    }\n',
  ],
  ['page-scan.ts', '      const send = () => {\n', '      const send = () => {\n        if (CUT === 3) {\n          batch = [];\n          chars = 0;\n          return;\n        }\n'],
  ['page-scan.ts', '      else this.held.hold(target, ', '      else if (CUT !== 6) this.held.hold(target, '],
];

function edit(tree: string): void {
  for (const [file, anchor, replacement] of EDITS) {
    const path = join(tree, 'src/page', file);
    const text = readFileSync(path, 'utf8');
    const at = text.indexOf(anchor);
    if (at < 0 || text.indexOf(anchor, at + 1) >= 0) throw new Error(`scan-ablations: src/page/${file}: the anchor ${JSON.stringify(anchor.slice(0, 60))} occurs ${at < 0 ? 'nowhere' : 'more than once'} (the source changed: update EDITS)`);
    writeFileSync(path, text.slice(0, at) + replacement + text.slice(at + anchor.length));
  }
}

function build(tree: string, outDir: string): void {
  execFileSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--mode', 'chrome', '--outDir', outDir, '--logLevel', 'warn', ...(names ? ['--minify', 'false'] : [])], { cwd: tree, stdio: ['ignore', 'ignore', 'inherit'] });
}

const args = process.argv.slice(2);
const names = args.includes('--names');
if (names) args.splice(args.indexOf('--names'), 1);
const srcAt = args.indexOf('--src');
const src = srcAt >= 0 ? resolve(args.splice(srcAt, 2)[1]) : ROOT;
const [outArg, list] = args;
if (!outArg) throw new Error('usage: tsx scripts/bench/scan-ablations.ts OUT [CUT,...] [--src DIR]');
const out = resolve(outArg);
const cuts = list ? list.split(',') : Object.keys(CUTS);
for (const n of cuts) if (!CUTS[n]) throw new Error(`scan-ablations: unknown cut "${n}" (known: ${Object.keys(CUTS).join(', ')})`);
if (!existsSync(join(src, 'src/generated'))) throw new Error(`scan-ablations: ${src}/src/generated is missing (npm run build:index)`);

const tree = mkdtempSync(join(tmpdir(), 'cl-scan-ablations-'));
try {
  for (const p of ['src', 'public', 'scripts/lib', 'manifest.json', 'vite.config.ts', 'package.json', 'tsconfig.json']) cpSync(join(src, p), join(tree, p), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'));
  mkdirSync(out, { recursive: true });
  console.log(`shipped: the tree as it is -> ${join(out, 'shipped')}`);
  build(tree, join(out, 'shipped'));
  edit(tree);
  for (const n of cuts) {
    writeFileSync(join(tree, 'src/page/cut.ts'), cutModule(CUTS[n].cut));
    console.log(`${n} (cut ${CUTS[n].cut}): ${CUTS[n].does} -> ${join(out, n)}`);
    build(tree, join(out, n));
  }
} finally {
  rmSync(tree, { recursive: true, force: true });
}
