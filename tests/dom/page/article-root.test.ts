import { describe, expect, it } from 'vitest';
import { findArticleRoot } from '../../../src/page/article-root';

const para = (words: number, word = 'lorem') => `<p>${Array(words).fill(word).join(' ')}.</p>`;

describe('article-root', () => {
  it('picks the <article> with the body, not a teaser article inside an aside', () => {
    document.body.innerHTML = `<header><nav>${para(30, 'nav')}</nav></header>
      <main><article id="story">${para(60)}${para(60)}</article>
      <aside><article id="teaser">${para(50, 'teaser')}</article></aside></main>
      <footer>${para(40, 'foot')}</footer>`;
    expect(findArticleRoot(document).id).toBe('story');
  });

  it('prefers itemprop=articleBody over the surrounding article', () => {
    document.body.innerHTML = `<article><h1>Title</h1><div itemprop="articleBody" id="body">${para(80)}</div></article>`;
    expect(findArticleRoot(document).id).toBe('body');
  });

  it('without semantic containers, picks the element with the most paragraph text, not the link list or comments', () => {
    document.body.innerHTML = `
      <div id="menu">${Array(20).fill('<p><a href="#">a long navigation link text here</a></p>').join('')}</div>
      <div id="content">${para(50)}${para(50)}${para(50)}</div>
      <div id="comments">${para(40, 'comment')}${para(40, 'comment')}${para(40, 'comment')}${para(40, 'comment')}</div>`;
    expect(findArticleRoot(document).id).toBe('content');
  });

  it('ignores a <main> that holds only furniture and falls back to the densest text', () => {
    document.body.innerHTML = `<main><nav>${para(100, 'nav')}</nav></main><div id="text">${para(80)}${para(80)}</div>`;
    expect(findArticleRoot(document).id).toBe('text');
  });

  it('falls back to <body> on a page with no paragraphs', () => {
    document.body.innerHTML = '<div>short</div>';
    expect(findArticleRoot(document)).toBe(document.body);
  });
});
