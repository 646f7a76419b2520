/** Corpus browser entry (an extension page opened in a tab). */
import { render } from 'preact';
import { validateIndex } from '../../core/index/validate';
import rawIndex from '../../generated/index.json';
import { request } from '../../shared/messaging';
import { loadCorpusIndex } from '../shared/corpus';
import { applyTheme } from '../shared/theme';
import '../shared/ui.css';
import './browser.css';
import { CorpusBrowser } from './CorpusBrowser';

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

render(<CorpusBrowser corpus={loadCorpusIndex(rawIndex, validateIndex)} />, document.getElementById('app')!);
