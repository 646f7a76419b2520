/** The sources behind each corpus-browser page, as tables for the Markdown and CSV export. */
import type { ArticleRef, ClaimDetails, EntityDetails, QuoteDetails } from '../../core/index/details';
import type { ArticleRecord } from '../../core/index/types';
import type { SourceTable } from '../shared/export';
import { articleDate, outletName, relationLabel } from '../shared/format';
import { t } from '../shared/i18n';

function articleColumns(): string[] {
  return [t('browser_colOutlet'), t('browser_colDate'), t('browser_colHeadline'), t('browser_colUrl')];
}

function articleCells(article: Pick<ArticleRef, 'outlet' | 'date' | 'headline' | 'url'>): string[] {
  return [outletName(article.outlet), articleDate(article.date), article.headline, article.url];
}

/** Every article of the corpus. */
export function corpusSources(articles: ArticleRecord[]): SourceTable {
  return {
    title: t('browser_exportTitleCorpus'),
    columns: [...articleColumns(), t('browser_colWords')],
    rows: articles.map((a) => [...articleCells(a), String(a.wordCount)]),
  };
}

/** One article. */
export function articleSources(article: ArticleRecord): SourceTable {
  return {
    title: t('browser_exportTitle', article.headline),
    columns: [...articleColumns(), t('browser_colWords')],
    rows: [[...articleCells(article), String(article.wordCount)]],
  };
}

/** The articles covering a person or organisation, with what each said about them. */
export function entitySources(details: EntityDetails): SourceTable {
  return {
    title: t('browser_exportTitle', details.name),
    columns: [...articleColumns(), t('browser_colMentions'), t('browser_colDescriptors'), t('browser_colQuotes')],
    rows: details.articles.map((a) => [
      ...articleCells(a.article),
      String(a.mentions),
      a.descriptors.map((d) => d.text).join('; '),
      a.quotes.map((q) => q.text).join('\n'),
    ]),
  };
}

/** Each article's statement in a claim group, with its relation and values. */
export function claimSources(details: ClaimDetails): SourceTable {
  return {
    title: t('browser_exportTitle', details.topic),
    columns: [...articleColumns(), t('browser_colRelation'), t('browser_colValues'), t('browser_colStatement')],
    rows: details.members.map((m) => [
      ...articleCells(m.article),
      m.isReference ? t('browser_reference') : relationLabel(m.relation),
      m.values.join('; '),
      m.excerpt,
    ]),
  };
}

/** Each article's wording of a quote. */
export function quoteSources(details: QuoteDetails, title: string): SourceTable {
  return {
    title: t('browser_exportTitle', title),
    columns: [...articleColumns(), t('browser_colRelation'), t('browser_colWording')],
    rows: details.members.map((m) => [
      ...articleCells(m.article),
      m.isReference ? t('browser_reference') : relationLabel(m.relation),
      m.text,
    ]),
  };
}
