/**
 * Content script entry (skeleton): asks the background whether this site is enabled and reports
 * back. The page work (scan, markers, cards) is wired in here.
 */
import { request } from '../shared/messaging';

async function main(): Promise<void> {
  const state = await request('getSiteState', { host: location.hostname });
  if (!state.ok) return; // background unreachable: stay out of the page's way
  await request('reportFindings', {
    url: location.href,
    status: state.value.enabled ? 'done' : 'disabled',
    items: [],
    markers: 0,
  });
}

main().catch(() => undefined);
