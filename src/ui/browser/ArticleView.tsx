/**
 * `#/article/<id>`: the cleaned article as a reader view, with its people, organisations and claim
 * sentences marked from the index and linked to their pages. Text is rendered as text only.
 */
import type { ArticleRecord, CorpusIndex } from '../../core/index/types';
import { articleDate, kindHeading, kindLabel, outletName } from '../shared/format';
import { t } from '../shared/i18n';
import { linkTo } from '../shared/links';
import { claimSentences, mentionMarks, paragraphPieces, type MentionMark, type Piece } from './article-marks';
import { useDownload } from './context';
import { ExportButtons } from './ExportButtons';
import { articleSources } from './sources';

function Mentions({ text, piece }: { text: string; piece: Piece }) {
  const out: preact.ComponentChildren[] = [];
  let cursor = piece.start;
  piece.mentions.forEach((m: MentionMark) => {
    if (m.start > cursor) out.push(text.slice(cursor, m.start));
    out.push(
      <a key={`${m.start}`} href={linkTo(m.kind, m.entity)} class={`cl-mention cl-mention-${m.kind}`} title={m.name} data-cl-entity={m.entity}>
        {text.slice(m.start, m.end)}
      </a>,
    );
    cursor = m.end;
  });
  if (cursor < piece.end) out.push(text.slice(cursor, piece.end));
  return <>{out}</>;
}

function Pieces({ text, pieces }: { text: string; pieces: Piece[] }) {
  return (
    <>
      {pieces.map((piece) =>
        piece.claimGroups.length === 0 ? (
          <Mentions key={piece.start} text={text} piece={piece} />
        ) : (
          <span key={piece.start} class="cl-claim-sentence" data-cl-claim={piece.claimGroups.join(' ')}>
            <Mentions text={text} piece={piece} />
            {piece.claimGroups.map((group) => (
              <a key={group} href={linkTo('claim', group)} class="cl-claim-link" aria-label={t('browser_compareClaim')} title={t('browser_compareClaim')}>
                ⇄
              </a>
            ))}
          </span>
        ),
      )}
    </>
  );
}

/** The reader view of one article. */
export function ArticleView({ index, article }: { index: CorpusIndex; article: ArticleRecord }) {
  const download = useDownload();
  const mentions = mentionMarks(index, article);
  const claims = claimSentences(index, article);
  const paragraphs = article.paragraphs.map((p) => paragraphPieces(p, article.sentences, claims, mentions));
  const [headline, ...body] = paragraphs;
  const entities = index.entities.filter((e) => e.coverage.some((c) => c.article === article.id));
  return (
    <article class="cl-view cl-reader" data-testid="view-article">
      <p class="cl-kicker">
        {outletName(article.outlet)} · {articleDate(article.date)}
      </p>
      <h1 tabIndex={-1} class="cl-view-title">
        {headline ? <Pieces text={article.text} pieces={headline} /> : article.headline}
      </h1>
      {article.url && article.url !== 'unknown' && (
        <p class="cl-muted cl-source-url">
          {t('browser_sourceUrl')} <span class="cl-url">{article.url}</span>
        </p>
      )}
      <p class="cl-legend cl-muted">
        <span class="cl-mention cl-mention-person">{kindLabel('person')}</span>{' '}
        <span class="cl-mention cl-mention-organisation">{kindLabel('organisation')}</span>{' '}
        <span class="cl-claim-sentence">{t('browser_legendClaim')}</span>
      </p>
      <div class="cl-reader-body">
        {body.map((pieces, i) => (
          <p key={i}>
            <Pieces text={article.text} pieces={pieces} />
          </p>
        ))}
      </div>
      {entities.length > 0 && (
        <section aria-labelledby="cl-h-in-article">
          <h2 id="cl-h-in-article">{t('browser_inThisArticle')}</h2>
          {(['person', 'organisation'] as const).map((kind) => {
            const list = entities.filter((e) => e.kind === kind);
            return list.length === 0 ? null : (
              <p key={kind}>
                <strong>{kindHeading(kind)}:</strong>{' '}
                {list.map((e, i) => (
                  <span key={e.id}>
                    {i > 0 && ', '}
                    <a href={linkTo(kind, e.id)}>{e.name}</a>
                  </span>
                ))}
              </p>
            );
          })}
        </section>
      )}
      <details class="cl-details" data-testid="furniture">
        <summary>{t('browser_furniture', article.furniture.length)}</summary>
        {article.furniture.length === 0 ? (
          <p class="cl-muted">{t('browser_furnitureNone')}</p>
        ) : (
          <ul class="cl-furniture">
            {article.furniture.map((f, i) => (
              <li key={i}>
                <span class="cl-badge cl-badge-mentions">{f.reason}</span>{' '}
                <span class="cl-muted">{t('browser_furnitureLine', f.line)}</span>
                <pre class="cl-furniture-text">{f.text}</pre>
              </li>
            ))}
          </ul>
        )}
      </details>
      <ExportButtons table={articleSources(article)} download={download} />
    </article>
  );
}
