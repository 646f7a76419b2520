/**
 * buildDetails on the real seeds, analysed by the same pipeline the index build uses. Facts were
 * checked against seeds/*.txt: "Jeremy Corbyn" appears in all five files; the letter from women
 * Labour MPs is "28" in 000_… ("28 women Labour MPs wrote to him in a letter") and "more than 40"
 * in 001_… ("more than 40 female Labour MPs have written to Mr Corbyn").
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseCorpus } from '../../src/core/analysis';
import { buildDetails, type ClaimDetails, type EntityDetails } from '../../src/core/index/details';
import type { CorpusIndex } from '../../src/core/index/types';

const files = readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort();
const index: CorpusIndex = analyseCorpus(files.map((f) => ({ id: f.replace(/\.txt$/, ''), text: readFileSync(`seeds/${f}`, 'utf8') })));
// Quote texts are "the quoted words without the quote marks", and a stray inline quote mark in a
// source (002_…: 'movement.“Some people') becomes a space: compare without quote marks and spaces.
const loose = (text: string) => text.replace(/[\s"“”‘’']/gu, '');
const articleText = new Map(index.articles.map((a) => [a.id, loose(a.text)]));

describe('buildDetails on the seeds', () => {
  it('the most covered person is covered in 5 of 5 articles', () => {
    const people = index.entities
      .filter((e) => e.kind === 'person')
      .map((e) => buildDetails(index, 'person', e.id) as EntityDetails)
      .sort((a, b) => b.covered - a.covered || b.mentionCount - a.mentionCount);
    expect(people[0].name).toBe('Jeremy Corbyn');
    expect([people[0].covered, people[0].total]).toEqual([5, 5]);
    expect(people[0].articles.map((a) => a.article.id)).toEqual(files.map((f) => f.replace(/\.txt$/, '')));
    expect(people[0].link).toBe(`#/person/${people[0].id}`);
  });

  it('the letter claim shows 28 vs more than 40 side by side', () => {
    const letter = index.claimGroups
      .map((g) => buildDetails(index, 'claim', g.id) as ClaimDetails)
      .find((d) => d.differences.some((x) => x.attribute === 'figure' && x.values.some((v) => v.value === '28')));
    expect(letter).toBeDefined();
    const figure = letter!.differences.find((x) => x.attribute === 'figure')!;
    expect(figure.values.map((v) => [v.article.id, v.value])).toEqual([
      ['000_5b9c0c38efeb50af', '28'],
      ['001_b5e3c0370b58277f', 'more than 40'],
    ]);
    const excerpts = letter!.members.map((m) => m.excerpt).join('\n');
    expect(excerpts).toContain('28 women Labour MPs wrote to him in a letter');
    expect(excerpts).toContain('more than 40 female Labour MPs have written to Mr Corbyn');
    expect(letter!.members.find((m) => m.article.id === '001_b5e3c0370b58277f')!.relation).toBe('differs');
  });

  it('every record resolves, and every excerpt and quote is text of the article it names', () => {
    const records = [
      ...index.entities.map((e) => buildDetails(index, e.kind, e.id)),
      ...index.claimGroups.map((g) => buildDetails(index, 'claim', g.id)),
      ...index.quoteGroups.map((g) => buildDetails(index, 'quote', g.id)),
    ];
    expect(records.length).toBeGreaterThan(10);
    const unbacked: string[] = [];
    const backed = (article: string, text: string | null) => {
      if (text === null) return;
      // Multi-paragraph quotes are joined by "\n"; check each paragraph on its own.
      for (const part of text.split('\n')) if (!articleText.get(article)?.includes(loose(part))) unbacked.push(`${article}: ${part}`);
    };
    for (const details of records) {
      expect(details).not.toBeNull();
      expect(details!.covered).toBeLessThanOrEqual(details!.total);
      if (details!.type === 'entity') {
        for (const a of details!.articles) {
          for (const d of a.descriptors) backed(a.article.id, d.excerpt);
          for (const q of a.quotes) backed(a.article.id, q.text);
        }
      } else if (details!.type === 'claim') {
        for (const m of details!.members) backed(m.article.id, m.excerpt);
      } else {
        for (const m of details!.members) backed(m.article.id, m.text);
      }
    }
    expect(unbacked).toEqual([]);
  });
});
