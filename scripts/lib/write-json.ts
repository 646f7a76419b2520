/**
 * Writes a large JSON value to a file piece by piece, byte-identical to `JSON.stringify(value,
 * null, indent)`: the top object and its arrays are walked here and each record in them is
 * stringified alone, so the whole text never exists as one string (a 20,000-article index is
 * hundreds of megabytes of text, twice that as a JavaScript string with any non-Latin-1 letter).
 * A field of the top object may also be any iterable (e.g. a generator of records, as streamIndex
 * gives): it is written as an array, each record as it comes, so the records need never all exist.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

/** Levels walked here (top object, its arrays); deeper values are stringified whole. */
const STREAMED_LEVELS = 2;
/** Text gathered before one write to the file. */
const CHUNK_CHARS = 1 << 20;

/** Writes `value` as JSON (two-space indent when `indent` is 2, compact when 0) to `path`, plus `trailer`. */
export function writeJsonFile(path: string, value: unknown, indent: 0 | 2, trailer = ''): void {
  const fd = openSync(path, 'w');
  try {
    let pending = '';
    const write = (s: string): void => {
      pending += s;
      if (pending.length >= CHUNK_CHARS) {
        writeSync(fd, pending);
        pending = '';
      }
    };
    writeValue(value, indent, '', 0, write);
    write(trailer);
    if (pending) writeSync(fd, pending);
  } finally {
    closeSync(fd);
  }
}

/** True for what JSON.stringify leaves out of objects (and writes as null in arrays). */
function isSkipped(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

function isIterable(v: unknown): v is Iterable<unknown> {
  return typeof v === 'object' && v !== null && typeof (v as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function';
}

function writeValue(v: unknown, indent: number, at: string, level: number, write: (s: string) => void): void {
  const isObject = typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
  if (level >= STREAMED_LEVELS || !isObject) {
    const text = JSON.stringify(v, null, indent);
    write(indent && at ? text.replace(/\n/g, `\n${at}`) : text);
    return;
  }
  const nl = indent ? '\n' : '';
  const inner = indent ? at + ' '.repeat(indent) : '';
  if (Array.isArray(v) || (level === 1 && isIterable(v))) {
    let k = 0;
    for (const el of v as Iterable<unknown>) {
      write(k++ ? `,${nl}${inner}` : `[${nl}${inner}`);
      writeValue(isSkipped(el) ? null : el, indent, inner, level + 1, write);
    }
    return write(k ? `${nl}${at}]` : '[]');
  }
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => !isSkipped(x));
  if (!entries.length) return write('{}');
  write(`{${nl}${inner}`);
  entries.forEach(([key, x], k) => {
    if (k) write(`,${nl}${inner}`);
    write(`${JSON.stringify(key)}:${indent ? ' ' : ''}`);
    writeValue(x, indent, inner, level + 1, write);
  });
  write(`${nl}${at}}`);
}
