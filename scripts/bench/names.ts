/**
 * Invented people for generated text. Any name that also occurs in the seeds is dropped at run
 * time, so a generated name can never be mistaken for a corpus entity by accident.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDS_DIR } from './seed-text';

const FIRST = [
  'Amara', 'Bastian', 'Celine', 'Dario', 'Elspeth', 'Farid', 'Greta', 'Hamish', 'Ines', 'Jovan',
  'Kirsty', 'Lorcan', 'Mirela', 'Nikhil', 'Oona', 'Pavel', 'Quinn', 'Rosalind', 'Soren', 'Tamsin',
  'Ulrich', 'Vesna', 'Wendell', 'Xanthe', 'Yusuf', 'Zofia', 'Anouk', 'Bryony', 'Cosmo', 'Delphine',
  'Eamon', 'Fenella', 'Gideon', 'Hester', 'Idris', 'Juno', 'Kasimir', 'Leocadia', 'Magnus', 'Niamh',
  'Orla', 'Perpetua', 'Radomir', 'Saoirse', 'Thaddeus', 'Ursula', 'Valentin', 'Winifred', 'Yannick', 'Zelda',
];
const LAST = [
  'Abernathy', 'Blackwood', 'Castellano', 'Drummond', 'Ellingham', 'Fairweather', 'Galbraith', 'Hollis',
  'Ingleby', 'Jardine', 'Kowalczyk', 'Lindqvist', 'Marchetti', 'Northcott', 'Okonkwo', 'Pennington',
  'Quarrie', 'Rasmussen', 'Stroud', 'Thistlewood', 'Underhill', 'Vasquez', 'Whitlock', 'Yardley',
  'Zielinski', 'Ashcombe', 'Brannigan', 'Coverdale', 'Dunmore', 'Everleigh', 'Fennimore', 'Gosling',
  'Hartigan', 'Iredale', 'Kettering', 'Lockhart', 'Mowbray', 'Nettleton', 'Oakes', 'Prendergast',
  'Radcliffe', 'Sandoval', 'Tremayne', 'Upshaw', 'Verity', 'Wexley', 'Ackroyd', 'Bellamy', 'Carrow', 'Devereux',
  'Eldridge', 'Fitzwilliam', 'Garside', 'Holloway', 'Ivers', 'Kilbride', 'Loxley', 'Merriman', 'Nightingale', 'Ormerod',
];

function seedWords(): Set<string> {
  const words = new Set<string>();
  for (const f of readdirSync(SEEDS_DIR)) {
    if (!f.endsWith('.txt')) continue;
    for (const w of readFileSync(join(SEEDS_DIR, f), 'utf8').match(/[A-Za-z]+/g) ?? []) words.add(w.toLowerCase());
  }
  return words;
}

let cache: { first: string[]; last: string[] } | null = null;

/** Invented first and last names that do not occur anywhere in the seeds. */
export function inventedNames(): { first: string[]; last: string[] } {
  if (!cache) {
    const seen = seedWords();
    cache = {
      first: FIRST.filter((n) => !seen.has(n.toLowerCase())),
      last: LAST.filter((n) => !seen.has(n.toLowerCase())),
    };
  }
  return cache;
}
