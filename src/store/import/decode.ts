/**
 * Bytes to text, the one check every imported file goes through (the CLI's corpus reader uses it
 * too): empty, binary, too large, or not UTF-8 are reasons, never exceptions.
 */

/** Why a file is not text: the report's reason codes for it. */
export type DecodeFailure = { code: 'empty' | 'binary' | 'not-utf8' | 'too-large'; reason: string };

/** Decodes bytes as strict UTF-8 text (a BOM is dropped), or returns why they are not text. */
export function decodeText(bytes: Uint8Array, maxBytes: number): { text: string } | DecodeFailure {
  if (bytes.length === 0) return { code: 'empty', reason: 'empty file' };
  if (bytes.length > maxBytes) return { code: 'too-large', reason: `file too large (${bytes.length} bytes; the limit is ${maxBytes})` };
  if (bytes.includes(0)) return { code: 'binary', reason: 'binary file (contains NUL bytes)' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { code: 'not-utf8', reason: 'not valid UTF-8 text' };
  }
  if (!text.trim()) return { code: 'empty', reason: 'empty file (whitespace only)' };
  return { text };
}

/**
 * A name safe to print on one line: control characters (newlines, terminal escapes) are shown as
 * escapes, so a hostile file name cannot forge or hide other lines of a report.
 */
export function printableName(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
