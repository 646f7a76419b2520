/**
 * The article finder on structures that carry no telling class or tag, one small page each: what
 * is read as the article and what is not. Each "not read" case has a "still read" twin that looks
 * alike but is body text, so a rule that grows too greedy fails here.
 */
import { describe, expect, it } from 'vitest';
import { findArticleRoot } from '../../../src/page/article-root';
import { collectBlocks } from '../../../src/page/text-map';

const words = (n: number, word: string) => Array(n).fill(word).join(' ');
const para = (n: number, word = 'lorem') => `<p>${words(n, word)}.</p>`;
/** A plain story body the structure under test sits in (the root finder needs prose to find it). */
const story = (inside: string) =>
  `<div id="story"><h1>Headline</h1>${para(50)}${para(50)}${inside}${para(50)}${para(50)}</div>`;
const IMG = '<img alt="" src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7">';

/** The text the content script reads as the article of the current document. */
function articleText(): string {
  return collectBlocks(findArticleRoot(document), { checkVisibility: false })
    .map((b) => b.text)
    .join(' | ');
}

describe('lines without a furniture name', () => {
  const cases: { name: string; html: string; notRead: string[]; read: string[] }[] = [
    {
      name: 'an unlabelled byline, and a body sentence that starts with "By"',
      html: story(`<p>By <a href="/staff/ann">Ann Writer</a>, political reporter</p>
        <p>By Tuesday evening the count was over and Bea Counted had won.</p>`),
      notRead: ['Ann Writer'],
      read: ['Bea Counted'],
    },
    {
      name: 'a sponsor line, and a body sentence about funding',
      html: story(`<p>Supported by the Example Civic Fund</p>
        <p>The scheme, which the Example Trust says it will keep paying for, is supported by most councillors in the district.</p>`),
      notRead: ['Example Civic Fund'],
      read: ['Example Trust'],
    },
    {
      name: 'a caption with a credit in the body flow after a picture, and a body sentence about a photograph',
      html: story(`<div class="media">${IMG}</div><p>Cal Caption at the launch. Photograph: Pat Snapper/Agency</p>
        <p>The photograph of Bo Body at the launch was shared widely before the vote.</p>`),
      notRead: ['Cal Caption', 'Pat Snapper'],
      read: ['Bo Body'],
    },
    {
      name: 'a credit line alone, and a body sentence about pictures by children and a source',
      html: story(`<p>Picture by Flo Photo/Agency</p><p>The hall showed pictures by children from Kit Kids school.</p>
        <p>Source close to Sol Source said no.</p>`),
      notRead: ['Flo Photo'],
      read: ['Kit Kids', 'Sol Source'],
    },
    {
      name: 'a short line under a picture in a small wrapper, and a short body paragraph after a picture in the body',
      html: `<div id="story"><h1>Headline</h1>${para(50)}${para(50)}
        <div class="pic"><picture>${IMG}</picture><p>Una Underpic at the count.</p></div>
        ${para(50)}${IMG}<p>Shorty Body spoke next.</p>${para(50)}${para(50)}</div>`,
      notRead: ['Una Underpic'],
      read: ['Shorty Body'],
    },
    {
      name: 'contribution lines closing a story',
      html: story(`<p>Additional reporting by Rae Porter in the city.</p><p>Edited by Ed Itor</p>`),
      notRead: ['Rae Porter', 'Ed Itor'],
      read: [],
    },
    {
      name: 'a video title as a heading under the player, and a section heading after a picture in the body',
      html: `<div id="story"><h1>Headline</h1>${para(50)}<div class="v"><video preload="none"></video><h3>Hal Heading speaks</h3></div>
        ${para(50)}${IMG}<h2>Sec Heading returns</h2>${para(50)}${para(50)}</div>`,
      notRead: ['Hal Heading'],
      read: ['Sec Heading'],
    },
    {
      name: 'a video title under the player',
      html: story(`<div><video preload="none"></video><p>Watch: Vic Video on the campaign trail</p></div>`),
      notRead: ['Vic Video'],
      read: [],
    },
    {
      name: 'an italic closing bio, and an italic paragraph followed by more story, and a bold interview question',
      html: `<div id="story"><h1>Headline</h1>${para(50)}<p><em>Ida Italic wrote this in a letter to the council last week.</em></p>
        <p><strong>Quentin Question: what happens next?</strong></p>${para(50)}${para(50)}
        <p><em>Bio Person is our political editor.</em></p></div>`,
      notRead: ['Bio Person'],
      read: ['Ida Italic', 'Quentin Question'],
    },
    {
      name: 'a chart drawn as a div grid of labels and figures, with a title and a note; and a sentence with short links and figures',
      html: story(`<div class="box"><div>Votes so far</div><div class="grid"><div>Gia Grid</div><div>41%</div><div>Rob Row</div><div>23%</div></div><div>Source: a survey</div></div>
        <p><a href="/a">Sam Sentence</a> won <b>41%</b> and <a href="/b">Tim Text</a> won <b>23%</b> of the vote on a low turnout.</p>`),
      notRead: ['Gia Grid', 'Rob Row', 'Votes so far'],
      read: ['Sam Sentence', 'Tim Text'],
    },
    {
      name: 'an author box: a short bio beside the author\'s picture',
      html: story(`<div class="box">${IMG}<p><strong>Ann Author</strong> is our political editor.</p></div>`),
      notRead: ['Ann Author'],
      read: [],
    },
    {
      name: 'a results table of names and figures is the article\'s own data',
      html: story(`<table><tr><td>Tab Person</td><td>41%</td></tr><tr><td>Tom Table</td><td>23%</td></tr></table>`),
      notRead: [],
      read: ['Tab Person', 'Tom Table'],
    },
    {
      name: 'chart rows of a label, a bar and a figure, in the body flow',
      html: story(`<div class="r"><span>Bar Label</span><span class="bar"></span><span>174</span></div><div class="r"><span>Other Label</span><span class="bar"></span><span>48</span></div>`),
      notRead: ['Bar Label', 'Other Label'],
      read: [],
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      document.body.innerHTML = c.html;
      const text = articleText();
      expect(text).toContain('lorem');
      for (const s of c.notRead) expect(text, s).not.toContain(s);
      for (const s of c.read) expect(text, s).toContain(s);
    });
  }
});

describe('containers the root finder takes or leaves', () => {
  it('keeps a "read more" continuation written as div paragraphs', () => {
    const div = (n: number, word: string) => `<div>${words(n, word)}.</div>`;
    document.body.innerHTML = `<div id="story"><h1>Headline</h1>${para(50)}${para(50)}
      <div class="read-more-wrapper">${div(30, 'second')}${div(30, 'second')}${div(30, 'second')}</div></div>`;
    expect(articleText().match(/second/g)).toHaveLength(90);
  });

  it('keeps one long paragraph in a furniture-named wrapper, but not a one-line bio in an author box', () => {
    document.body.innerHTML = story(`<div class="sharing-enabled"><p>${words(70, 'longpara')}.</p></div>
      <div class="author-box"><p>${words(14, 'bioline')}.</p></div>`);
    const text = articleText();
    expect(text.match(/longpara/g)).toHaveLength(70);
    expect(text).not.toContain('bioline');
  });

  it('leaves out a feed of story cards whose link is an empty overlay anchor', () => {
    const card = (i: number) =>
      `<div class="card"><a class="hit" href="/s${i}"></a><h3>Another story ${i}</h3><p>${words(20, 'teaser')}.</p></div>`;
    document.body.innerHTML = `<div id="page"><div class="block">${para(60)}${para(60)}${para(60)}</div>
      <div class="feed">${[1, 2, 3, 4].map(card).join('')}</div></div>`;
    expect(articleText()).not.toContain('teaser');
  });

  it('leaves out feed items whose title is a div or p that is all link, and a share bar of links written as a div', () => {
    const item = (i: number, tag: string) =>
      `<div class="item"><${tag} class="t"><a href="/s${i}">Title Person ${i} speaks</a></${tag}><div class="dek">Summary Person ${i} said a thing about it.</div></div>`;
    document.body.innerHTML = story(`<div class="tools"><a href="https://share.example/fb">Sharebook</a> <a href="https://share.example/tw">Sharebird</a></div>
      <div class="more">${item(1, 'div')}${item(2, 'p')}${item(3, 'div')}</div>`);
    const text = articleText();
    for (const s of ['Title Person', 'Summary Person', 'Sharebook']) expect(text, s).not.toContain(s);
  });

  it('leaves out feed items that are a link (picture and headline) above a summary, but reads a list of linked names', () => {
    const item = (i: number) => `<li><a href="/s${i}"><span>Lin Teaser ${i} wins</span></a><p>Sum Teaser ${i} said a thing.</p></li>`;
    document.body.innerHTML = story(`<ul class="river">${item(1)}${item(2)}</ul>
      <ul><li><a href="/p/1">Nia Named</a>, chair of the committee</li><li><a href="/p/2">Ola Named</a>, its treasurer</li></ul>`);
    const text = articleText();
    for (const s of ['Lin Teaser', 'Sum Teaser']) expect(text, s).not.toContain(s);
    for (const s of ['Nia Named', 'Ola Named']) expect(text, s).toContain(s);
  });

  it('leaves out feed cards whose linked headline sits above a summary nested in a wrapper', () => {
    const card = (i: number) => `<article class="c"><h3><a href="/s${i}">Hed Teaser ${i} wins</a></h3><div class="body"><p>Nest Teaser ${i} said a thing.</p></div></article>`;
    document.body.innerHTML = story(`<div class="feed">${card(1)}${card(2)}</div>`);
    const text = articleText();
    for (const s of ['Hed Teaser', 'Nest Teaser']) expect(text, s).not.toContain(s);
  });

  it('reads a body paragraph written as a div that ends in a link, and a short body wrapper whose first line is prose', () => {
    document.body.innerHTML = story(`<div>Lia Linked said the plan was <a href="/plan">published in full</a> on Monday by the council.</div>
      <div class="block"><p>Pia Prose said so.</p><div>Another short line of the story here.</div></div>`);
    const text = articleText();
    expect(text).toContain('Lia Linked');
    expect(text).toContain('Pia Prose');
  });

  it('reads an in-body section with a heading and a link to an anchor on this page', () => {
    document.body.innerHTML = `<div id="story"><h1>Headline</h1>${para(50)}
      <div class="part"><a href="#top"></a><h2>Part two</h2><p>${words(20, 'parttwo')}.</p></div>${para(50)}</div>`;
    expect(articleText()).toContain('parttwo');
  });

  it('takes a short tail section after an ad slot when the template marks it as the same kind of block', () => {
    document.body.innerHTML = `<div id="layout"><div class="story-block story-block--lead"><h1>Headline</h1>
      ${para(50)}${para(50)}${para(50)}${para(50)}${para(50)}</div><div class="ad-slot">Advert</div>
      <div class="story-block"><p>${words(30, 'tail')}.</p></div><div class="aside-note"><p>${words(30, 'note')}.</p></div></div>`;
    expect(findArticleRoot(document).id).toBe('layout');
    expect(articleText().match(/tail/g)).toHaveLength(30);
  });

  it('does not take an unlike short sibling as a tail', () => {
    document.body.innerHTML = `<div id="layout"><div class="story-block" id="lead"><h1>Headline</h1>
      ${para(50)}${para(50)}${para(50)}${para(50)}${para(50)}</div><div class="promo-text"><p>${words(30, 'promo')}.</p></div></div>`;
    expect(findArticleRoot(document).id).toBe('lead');
  });

  it('finds a headline six wrappers above the body, but not past the page frame', () => {
    const deep = (inner: string) => `<div><div><div><div><div id="body">${inner}</div></div></div></div></div>`;
    document.body.innerHTML = `<div id="page"><div class="hero"><h1>Headline</h1></div>${deep(para(60) + para(60) + para(60))}</div>`;
    expect(findArticleRoot(document).id).toBe('page');
    document.body.innerHTML = `<div id="page"><nav><a href="/">Home</a></nav><div class="hero"><h1>Headline</h1></div>${deep(para(60) + para(60) + para(60))}</div>`;
    expect(findArticleRoot(document).id).toBe('body');
  });
});
