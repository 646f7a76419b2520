/**
 * `npx tsx scripts/split-devset.ts [--check]`: places each dev-set item in the dev split
 * (tests/fixtures/devset/devset.json) or the held-back split (heldback.json), and writes both.
 *
 * The split is fixed: an item's side depends only on its id and SPLIT_SEED (a hash of
 * `${SPLIT_SEED}:${id}`; held back when the hash falls below HELD_BACK_SHARE of the range), so adding
 * items never moves an existing one. Only items written for the hard kinds of issue 13 (those with a
 * `hard` field) can be held back: the earlier items were read while the matcher was tuned, so they
 * could not measure it honestly. With --check it writes nothing and exits 1 when a file holds an
 * item on the wrong side (naming it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { DEVSET_FILE, HELDBACK_FILE, type DevItem } from './lib/claim-eval';
import { isHeldBack } from './lib/devset-split';

interface SplitFile {
  '//'?: string;
  items: DevItem[];
}

const read = (file: string): SplitFile => JSON.parse(readFileSync(file, 'utf8')) as SplitFile;
const write = (file: string, doc: SplitFile) => writeFileSync(file, JSON.stringify(doc, null, 1) + '\n');

function main(): void {
  const check = process.argv.includes('--check');
  const dev = read(DEVSET_FILE);
  const held = read(HELDBACK_FILE);
  const wrong = [...dev.items.filter((i) => isHeldBack(i)).map((i) => `${i.id} is in devset.json but belongs to the held-back split`), ...held.items.filter((i) => !isHeldBack(i)).map((i) => `${i.id} is in heldback.json but belongs to the dev split`)];
  if (check) {
    if (wrong.length) {
      process.stderr.write(wrong.join('\n') + '\n');
      process.exitCode = 1;
    }
    return;
  }
  const all = [...dev.items, ...held.items];
  const ids = new Set<string>();
  for (const item of all) {
    if (ids.has(item.id)) throw new Error(`split-devset: duplicate id ${item.id}`);
    ids.add(item.id);
  }
  write(DEVSET_FILE, { '//': dev['//'], items: all.filter((i) => !isHeldBack(i)) });
  write(HELDBACK_FILE, {
    '//': 'Held-back split of the dev set: evaluation only. No fitting, tuning or threshold choice may read this file. Chosen by scripts/split-devset.ts; see README.md.',
    items: all.filter((i) => isHeldBack(i)),
  });
  process.stdout.write(`split-devset: ${all.length - all.filter(isHeldBack).length} dev, ${all.filter(isHeldBack).length} held back${wrong.length ? ` (moved: ${wrong.length})` : ''}\n`);
}

main();
