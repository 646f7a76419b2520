/** Corpus browser entry (an extension page opened in a tab). */
import { render } from 'preact';
import { CorpusBrowser } from './CorpusBrowser';

render(<CorpusBrowser />, document.getElementById('app')!);
