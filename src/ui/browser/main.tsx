/** Corpus browser entry (an extension page opened in a tab). */
import { render } from 'preact';
import { request } from '../../shared/messaging';
import { storedCorpora } from '../shared/stored-corpora';
import { applyTheme } from '../shared/theme';
import '../shared/ui.css';
import './browser.css';
import { StoredCorpusBrowser } from './StoredCorpusBrowser';

// Follow the system until the stored setting arrives, so the first paint is already in the right scheme.
applyTheme('auto');

/** Follows the reader's theme setting; without an answer the page stays on "auto". */
async function syncTheme(): Promise<void> {
  const got = await request('getSettings', {});
  if (got.ok) applyTheme(got.value.theme);
}
void syncTheme();
// The setting may change in the popup while this tab stays open.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') void syncTheme();
});

// The corpora come from the store (through the background, which installs the bundled one first).
render(<StoredCorpusBrowser source={storedCorpora(request)} />, document.getElementById('app')!);
