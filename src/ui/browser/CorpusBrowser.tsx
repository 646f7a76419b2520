/** The corpus browser (skeleton): lists the bundled articles. */
import rawIndex from '../../generated/index.json';
import type { CorpusIndex } from '../../core/index/types';

const index = rawIndex as unknown as CorpusIndex;

/** Root component of the corpus browser page. */
export function CorpusBrowser() {
  return (
    <main class="cl-browser">
      <h1>Coverage Lens corpus</h1>
      <p data-testid="article-count">{index.articles.length} articles</p>
      <ul>
        {index.articles.map((a) => (
          <li key={a.id}>{a.headline}</li>
        ))}
      </ul>
    </main>
  );
}
