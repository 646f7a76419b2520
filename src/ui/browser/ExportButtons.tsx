/** "Export sources" buttons: the same table as Markdown or CSV, offered as a download. */
import { downloadText, fileNameFor, toCsv, toMarkdown, type SourceTable } from '../shared/export';
import { t } from '../shared/i18n';

/** How a file reaches the reader (tests pass a recorder). */
export type Download = (text: string, fileName: string, mime: string) => void;

/** Markdown and CSV export of one page's sources. */
export function ExportButtons({ table, download = downloadText }: { table: SourceTable; download?: Download }) {
  return (
    <div class="cl-export" role="group" aria-label={t('browser_exportLabel')} data-testid="export">
      <span class="cl-muted">{t('browser_exportLabel')}</span>
      <button
        type="button"
        class="cl-button"
        onClick={() => download(toMarkdown(table), fileNameFor(table.title, 'md'), 'text/markdown;charset=utf-8')}
        data-testid="export-markdown"
      >
        {t('browser_exportMarkdown')}
      </button>
      <button
        type="button"
        class="cl-button"
        onClick={() => download(toCsv(table), fileNameFor(table.title, 'csv'), 'text/csv;charset=utf-8')}
        data-testid="export-csv"
      >
        {t('browser_exportCsv')}
      </button>
    </div>
  );
}
