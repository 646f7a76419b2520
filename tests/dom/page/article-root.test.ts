import { describe, expect, it } from 'vitest';
import { findArticleRoot, isInArticle } from '../../../src/page/article-root';
import { collectBlocks } from '../../../src/page/text-map';

const para = (words: number, word = 'lorem') => `<p>${Array(words).fill(word).join(' ')}.</p>`;

describe('article-root', () => {
  it('picks the <article> with the body, not a teaser article inside an aside', () => {
    document.body.innerHTML = `<header><nav>${para(30, 'nav')}</nav></header>
      <main><article id="story">${para(60)}${para(60)}</article>
      <aside><article id="teaser">${para(50, 'teaser')}</article></aside></main>
      <footer>${para(40, 'foot')}</footer>`;
    expect(findArticleRoot(document).id).toBe('story');
  });

  it('takes the <article> around an articleBody, so the headline is read too', () => {
    document.body.innerHTML = `<article id="story"><h1>Title</h1><div itemprop="articleBody" id="body">${para(80)}</div></article>`;
    expect(findArticleRoot(document).id).toBe('story');
  });

  it('takes the wrapper with the headline and standfirst above a plain body div, not the page frame', () => {
    document.body.innerHTML = `<div id="page"><nav>${para(30, 'nav')}</nav>
      <div id="story"><h1>Headline</h1><p class="standfirst">${Array(20).fill('stand').join(' ')}</p>
      <div id="body">${para(60)}${para(60)}${para(60)}</div></div></div>`;
    expect(findArticleRoot(document).id).toBe('story');
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

  it('takes an article split across sibling sections whole, however deep each section nests its paragraphs', () => {
    const section = (id: string, n: number) =>
      `<section id="${id}"><div class="block"><div class="text">${Array(n).fill(para(45)).join('')}</div></div></section>`;
    document.body.innerHTML = `<div id="body">${section('s1', 5)}<div class="ad-slot">Advert</div>${section('s2', 3)}${section('s3', 6)}</div>
      <div id="side">${para(30, 'side')}</div>`;
    expect(findArticleRoot(document).id).toBe('body');
  });

  it('on a very long page (more paragraphs under one parent than are read whole) still takes the story across its sections, not the long list beside it', () => {
    // 900 paragraphs under one parent are read through a sample; the 400 and 100 beside them whole.
    const many = (n: number, word: string) => Array.from({ length: n }, (_, i) => para(20 + (i % 7) * 9, word)).join('');
    document.body.innerHTML = `<div id="page"><div id="body"><div class="story-part" id="one">${many(900, 'lorem')}</div>
      <div class="ad-slot">Advert</div><div class="story-part" id="two">${many(400, 'lorem')}</div></div>
      <div id="letters">${many(100, 'letter')}</div></div>`;
    expect(findArticleRoot(document).id).toBe('body');
  });

  it('does not climb into a wrapper for a sidebar paragraph or a feed of teasers', () => {
    const teaser = (i: number) => `<div class="card"><h3><a href="/s${i}">Another story number ${i}</a></h3>${para(30, 'teaser')}</div>`;
    document.body.innerHTML = `<div id="page"><div id="body">${para(60)}${para(60)}${para(60)}${para(60)}</div>
      <div id="feed">${[1, 2, 3, 4, 5, 6].map(teaser).join('')}</div></div>`;
    expect(findArticleRoot(document).id).toBe('body');
  });

  it('reads a continuation inside a "read-more" container, but not a "read-more" link list', () => {
    document.body.innerHTML = `<article id="story"><h1>Headline</h1>${para(40, 'first')}${para(40, 'first')}
      <div id="read-more-content">${para(40, 'second')}${para(40, 'second')}${para(40, 'second')}</div>
      <div class="read-more"><p><a href="/other">Read more about another thing entirely</a></p></div></article>`;
    const root = findArticleRoot(document);
    expect(root.id).toBe('story');
    const text = collectBlocks(root, { checkVisibility: false }).map((b) => b.text).join(' ');
    expect(text.match(/second/g)).toHaveLength(120);
    expect(text).not.toContain('another thing');
  });

  it('leaves bylines, bios, captions, credits, share lists, sponsor lines, video titles and chart labels out of the article', () => {
    document.body.innerHTML = `<article id="story"><h1>Headline</h1>
      <p class="article__byline">By <a rel="author" href="/a">Byline Person</a></p>
      ${para(50)}<figure><div class="img"></div><figcaption>Caption Person at a rally</figcaption><span class="image-credit">Credit Person</span></figure>
      ${para(50)}<ul class="icons"><li>Pass it on:</li><li><a href="/f">Sharer</a></li><li><a href="/t">Tweeter</a></li></ul>
      <p><strong>Read this too:</strong> <a href="/elsewhere">Pointer Person on a different story altogether</a></p>
      <p>A story sentence that ends in a link, as many do, and is read: <a href="/src">the source</a></p>
      <ul><li>A bullet point of the story itself, with no link in it at all.</li><li>Another point, with <a href="/x">one link</a> in it.</li></ul>
      <div class="video-player"><div class="video-player__title">Video Person speaks</div><span>2:31</span></div>
      <div class="chart"><div class="chart-title">Chart title</div><span class="label">Label Person</span></div>
      ${para(50)}<p class="sponsor-line">Supported by Sponsor Person</p>
      <div class="author-bio"><p>Bio Person writes about politics for this fixture page and has done so for years.</p></div></article>`;
    const root = findArticleRoot(document);
    expect(root.id).toBe('story');
    const text = collectBlocks(root, { checkVisibility: false }).map((b) => b.text).join(' ');
    expect(text).toContain('A story sentence that ends in a link');
    for (const word of ['Pointer', 'Byline', 'Caption', 'Credit', 'Sharer', 'Tweeter', 'Video', 'Chart', 'Label', 'Sponsor', 'Bio']) {
      expect(text, word).not.toContain(word);
    }
    expect(text).toContain('Headline');
    expect(text).toContain('A bullet point of the story itself');
    expect(text).toContain('Another point, with one link');
    expect(text.match(/lorem/g)).toHaveLength(150);
    const label = document.querySelector('.label')!;
    expect(isInArticle(label, root)).toBe(false);
    expect(isInArticle(root.querySelector('p:not([class])')!, root)).toBe(true);
  });

  it('reads live-blog entries whose headings link to their own permalink on this page', () => {
    const here = location.pathname;
    const entry = (i: number) => `<div class="entry"><h2><a href="${here}?entry=${i}">Entry heading ${i}</a></h2>${para(40, `entry${i}`)}</div>`;
    document.body.innerHTML = `<article id="blog"><h1>Live</h1>${[1, 2, 3].map(entry).join('')}</article>`;
    const root = findArticleRoot(document);
    expect(root.id).toBe('blog');
    const text = collectBlocks(root, { checkVisibility: false }).map((b) => b.text).join(' ');
    for (const i of [1, 2, 3]) {
      expect(text).toContain(`Entry heading ${i}`);
      expect(text).toContain(`entry${i} entry${i}`);
    }
  });

  it('scores paragraphs written as divs, and reads a byline given by itemprop tokens or a meta line as not article', () => {
    const div = (words: number) => `<div class="para">${Array(words).fill('lorem').join(' ')} <a href="/x">link</a>.</div>`;
    document.body.innerHTML = `<div id="page"><div id="teasers">${para(40, 'teaser')}</div>
      <div id="story"><h1>Headline</h1><div class="story-meta">By Meta Person, 3 hours ago</div>
      <span itemprop="author creator">Author Person</span><div id="body">${div(60)}${div(60)}${div(60)}</div></div></div>`;
    const root = findArticleRoot(document);
    expect(root.id).toBe('story');
    const text = collectBlocks(root, { checkVisibility: false }).map((b) => b.text).join(' ');
    expect(text.match(/lorem/g)).toHaveLength(180);
    expect(text).not.toContain('Meta Person');
    expect(text).not.toContain('Author Person');
  });
});
