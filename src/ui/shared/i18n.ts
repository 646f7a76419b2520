/**
 * Translated UI strings through the extension's i18n API. The English messages file is imported
 * for its type only (a missing key is a type error) and is NOT bundled: every script injected into
 * pages counts against the size budget. Where the API is absent (DOM tests), a fallback table can
 * be registered with `setFallbackMessages`.
 */
type Messages = typeof import('../../../public/_locales/en/messages.json');

/** A key of the English messages file (a missing key is a type error). */
export type MessageKey = keyof Messages;

let fallback: Record<string, MessageEntry> | null = null;

/** Registers messages to use when no i18n API exists (tests load the English file here). */
export function setFallbackMessages(messages: Record<string, MessageEntry> | null): void {
  fallback = messages;
}

/** One entry of a messages.json file. */
export interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

interface I18nApi {
  getMessage(key: string, substitutions?: string | string[]): string;
}

// The i18n API is synchronous and identical under `browser` and `chrome`, so no polyfill import is
// needed here (the polyfill throws when loaded outside an extension, e.g. in DOM tests).
function i18nApi(): I18nApi | null {
  const scope = globalThis as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  const api = scope.browser?.i18n ?? scope.chrome?.i18n;
  return api && typeof api.getMessage === 'function' ? api : null;
}

/** Applies substitutions the way the i18n API does: named placeholders, then $1…$9, then $$. */
export function formatMessage(entry: MessageEntry, substitutions: string[]): string {
  let text = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const placeholder = Object.entries(entry.placeholders ?? {}).find(([k]) => k.toLowerCase() === name.toLowerCase());
    return placeholder ? placeholder[1].content : whole;
  });
  text = text.replace(/\$\$|\$([1-9])/g, (whole, n: string | undefined) =>
    n === undefined ? '$' : (substitutions[Number(n) - 1] ?? ''),
  );
  return text;
}

/** The translated message for a key, with substitutions ($1…$9) filled in. */
export function t(key: MessageKey, substitutions?: string | number | (string | number)[]): string {
  const subs = substitutions === undefined ? [] : (Array.isArray(substitutions) ? substitutions : [substitutions]).map(String);
  const api = i18nApi();
  if (api) {
    try {
      const translated = api.getMessage(key, subs);
      if (translated) return translated;
    } catch {
      // An orphaned content script throws here: fall through to the English default.
    }
  }
  const entry = fallback?.[key];
  return entry ? formatMessage(entry, subs) : key;
}
