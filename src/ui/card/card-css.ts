/**
 * The card's whole stylesheet, injected into the shadow root. A plain string so the content
 * script needs no CSS loader; the :host reset keeps page styles from leaking in.
 */

/** Stylesheet for the shadow root that holds a card. */
export const CARD_CSS = `
:host { all: initial; }
*, *::before, *::after { box-sizing: border-box; }

.cl-card {
  --cl-bg: #ffffff;
  --cl-bg-soft: #f6f7f9;
  --cl-text: #1a1d21;
  --cl-muted: #5a6270;
  --cl-border: #d5d9df;
  --cl-rule: #e6e8ec;
  --cl-accent: #0b57a4;
  --cl-focus: #1a66d2;
  --cl-agrees-fg: #14612b; --cl-agrees-bg: #e3f4e7;
  --cl-differs-fg: #8a3c00; --cl-differs-bg: #fdf0e1;
  --cl-adds-fg: #2f3f8f; --cl-adds-bg: #e9ecfa;
  --cl-neutral-fg: #3d4450; --cl-neutral-bg: #eceef1;
  --cl-ins-fg: #0f5323; --cl-ins-bg: #d9f2df;
  --cl-del-fg: #8c1d1d; --cl-del-bg: #fbe3e3;
  --cl-shadow: 0 1px 2px rgba(16, 24, 40, 0.08), 0 8px 24px rgba(16, 24, 40, 0.14);

  display: flex;
  flex-direction: column;
  width: 380px;
  max-width: calc(100vw - 16px);
  max-height: 60vh;
  overflow: hidden;
  background: var(--cl-bg);
  color: var(--cl-text);
  border: 1px solid var(--cl-border);
  border-radius: 8px;
  box-shadow: var(--cl-shadow);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 13px;
  line-height: 1.45;
  font-weight: 400;
  text-align: left;
  overflow-wrap: anywhere;
  -webkit-font-smoothing: antialiased;
}
.cl-card[data-theme="dark"] {
  --cl-bg: #1d2025;
  --cl-bg-soft: #262a31;
  --cl-text: #e8eaed;
  --cl-muted: #a9b1bc;
  --cl-border: #3d434c;
  --cl-rule: #31363e;
  --cl-accent: #8cbcff;
  --cl-focus: #8cbcff;
  --cl-agrees-fg: #8fe0a8; --cl-agrees-bg: #16351f;
  --cl-differs-fg: #ffc078; --cl-differs-bg: #3d2912;
  --cl-adds-fg: #b3c0ff; --cl-adds-bg: #252c4d;
  --cl-neutral-fg: #cdd2d9; --cl-neutral-bg: #30353d;
  --cl-ins-fg: #a6ecbb; --cl-ins-bg: #1b3d25;
  --cl-del-fg: #ffb0b0; --cl-del-bg: #47201f;
  --cl-shadow: 0 1px 2px rgba(0, 0, 0, 0.4), 0 8px 24px rgba(0, 0, 0, 0.5);
}

/* Zero-specificity resets, so every .cl- rule below wins over them. */
:where(.cl-card) :where(p, ul, figure, blockquote, h2, h3) { margin: 0; padding: 0; }
:where(.cl-card) :where(ul) { list-style: none; }

.cl-head {
  display: flex;
  align-items: flex-start;
  gap: 8px;
  padding: 12px 12px 10px 16px;
  border-bottom: 1px solid var(--cl-rule);
}
.cl-head-text { flex: 1 1 auto; min-width: 0; }
.cl-kicker {
  font-size: 11px;
  font-weight: 600;
  letter-spacing: 0.06em;
  text-transform: uppercase;
  color: var(--cl-muted);
}
.cl-title {
  margin-top: 2px;
  font-size: 16px;
  line-height: 1.3;
  font-weight: 650;
  color: var(--cl-text);
}
/* A whole sentence can stand in as the title (claims, loading): keep the header compact. Names are never cut. */
.cl-title-clamp {
  display: -webkit-box;
  -webkit-box-orient: vertical;
  -webkit-line-clamp: 3;
  line-clamp: 3;
  overflow: hidden;
}
.cl-actions { display: flex; gap: 2px; flex: none; margin-top: -2px; }
.cl-icon-button {
  display: inline-flex;
  align-items: center;
  justify-content: center;
  width: 28px;
  height: 28px;
  padding: 0;
  border: 1px solid transparent;
  border-radius: 6px;
  background: transparent;
  color: var(--cl-muted);
  cursor: pointer;
  font: inherit;
}
.cl-icon-button:hover { background: var(--cl-bg-soft); color: var(--cl-text); }
.cl-icon-button[aria-pressed="true"] {
  background: var(--cl-neutral-bg);
  border-color: var(--cl-border);
  color: var(--cl-accent);
}
.cl-icon { display: block; }

.cl-body {
  flex: 1 1 auto;
  min-height: 0;
  overflow-y: auto;
  overflow-x: hidden;
  padding: 12px 16px 14px;
  overscroll-behavior: contain;
}

.cl-foot {
  display: flex;
  align-items: center;
  justify-content: space-between;
  gap: 8px;
  padding: 8px 12px 8px 16px;
  border-top: 1px solid var(--cl-rule);
  background: var(--cl-bg-soft);
  border-radius: 0 0 8px 8px;
}
.cl-brand { min-width: 0; font-size: 11px; color: var(--cl-muted); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }

.cl-button, .cl-link {
  font: inherit;
  cursor: pointer;
  color: var(--cl-accent);
}
.cl-button {
  padding: 4px 10px;
  border: 1px solid var(--cl-border);
  border-radius: 6px;
  background: var(--cl-bg);
  font-weight: 600;
  font-size: 12px;
  white-space: nowrap;
  flex: none;
}
.cl-button:hover { border-color: var(--cl-accent); }
.cl-link {
  padding: 0;
  border: 0;
  background: none;
  text-align: left;
  text-decoration: underline;
  text-decoration-thickness: 1px;
  text-underline-offset: 2px;
  font-weight: 500;
}
.cl-link:hover { text-decoration-thickness: 2px; }

.cl-card :focus { outline: none; }
.cl-card :focus-visible {
  outline: 2px solid var(--cl-focus);
  outline-offset: 2px;
  border-radius: 4px;
}
/* The scroll area is clipped by the card's rounded frame: draw its ring inside. */
.cl-card .cl-body:focus-visible { outline-offset: -2px; border-radius: 0; }

.cl-visually-hidden {
  position: absolute !important;
  width: 1px; height: 1px;
  margin: -1px; padding: 0; border: 0;
  overflow: hidden;
  clip: rect(0 0 0 0);
  clip-path: inset(50%);
  white-space: nowrap;
}

.cl-muted, .cl-date { color: var(--cl-muted); }
.cl-date, .cl-sbs-date { white-space: nowrap; }
.cl-label {
  font-size: 11px;
  font-weight: 600;
  letter-spacing: 0.04em;
  text-transform: uppercase;
  color: var(--cl-muted);
  margin-bottom: 2px;
}
.cl-label-inline { font-weight: 600; color: var(--cl-muted); }

.cl-evidence {
  padding: 8px 10px;
  background: var(--cl-bg-soft);
  border: 1px solid var(--cl-rule);
  border-radius: 6px;
}
.cl-evidence-line { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 8px; }
.cl-strength { font-weight: 650; }
.cl-strength::before {
  content: "";
  display: inline-block;
  width: 7px; height: 7px;
  margin-right: 6px;
  border-radius: 50%;
  background: currentColor;
  vertical-align: 1px;
}
.cl-strength-strong { color: var(--cl-agrees-fg); }
.cl-strength-partial { color: var(--cl-differs-fg); }
.cl-strength-weak { color: var(--cl-muted); }
.cl-evidence-found { color: var(--cl-muted); min-width: 0; }
.cl-evidence-counts { margin-top: 2px; font-variant-numeric: tabular-nums; }
.cl-evidence-counts > span { display: block; }

.cl-section { margin-top: 14px; }
.cl-section-title {
  font-size: 12px;
  font-weight: 650;
  color: var(--cl-text);
  padding-bottom: 4px;
  border-bottom: 1px solid var(--cl-rule);
  margin-bottom: 2px;
}
.cl-list > .cl-item { padding: 8px 0; border-bottom: 1px solid var(--cl-rule); }
.cl-list > .cl-item:last-child { border-bottom: 0; padding-bottom: 0; }

.cl-article-line { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 4px; }
.cl-outlet { font-weight: 650; }
.cl-aside { margin-left: auto; color: var(--cl-muted); font-size: 12px; font-variant-numeric: tabular-nums; }
.cl-headline { color: var(--cl-muted); font-size: 12px; font-style: italic; margin-top: 1px; }

.cl-descriptors, .cl-quotes { margin-top: 6px; }
.cl-descriptor-list { display: flex; flex-direction: column; gap: 4px; }
.cl-descriptor { display: flex; flex-direction: column; }
.cl-descriptor-text { font-weight: 600; }
.cl-excerpt {
  color: var(--cl-muted);
  font-size: 12px;
  display: -webkit-box;
  -webkit-box-orient: vertical;
  -webkit-line-clamp: 2;
  line-clamp: 2;
  overflow: hidden;
}

.cl-quote { margin-top: 4px; }
.cl-quote-text, .cl-excerpt-block, .cl-reading-text {
  margin: 0;
  padding-left: 10px;
  border-left: 3px solid var(--cl-border);
  white-space: pre-line;
}
.cl-quote-meta { font-size: 12px; color: var(--cl-muted); padding-left: 13px; }
.cl-clamp {
  display: -webkit-box;
  -webkit-box-orient: vertical;
  -webkit-line-clamp: 3;
  line-clamp: 3;
  overflow: hidden;
}
.cl-more, .cl-note { font-size: 12px; color: var(--cl-muted); margin-top: 4px; }
.cl-note { margin-top: 8px; }

.cl-reading { margin-top: 14px; }
.cl-reading-text { border-left-color: var(--cl-accent); font-style: italic; }
.cl-excerpt-block { margin-top: 4px; }

.cl-verdict { margin-top: 1px; font-size: 12px; }
.cl-badge {
  display: inline-block;
  padding: 0 6px;
  border-radius: 4px;
  font-size: 11px;
  font-weight: 650;
  line-height: 18px;
  letter-spacing: 0.02em;
  white-space: nowrap;
  border: 1px solid transparent;
}
.cl-badge-agrees, .cl-badge-same-quote { color: var(--cl-agrees-fg); background: var(--cl-agrees-bg); }
.cl-badge-differs, .cl-badge-variant-quote { color: var(--cl-differs-fg); background: var(--cl-differs-bg); border-color: currentColor; }
.cl-badge-adds { color: var(--cl-adds-fg); background: var(--cl-adds-bg); }
.cl-badge-mentions, .cl-badge-reference { color: var(--cl-neutral-fg); background: var(--cl-neutral-bg); }

.cl-values { margin-top: 4px; font-size: 12px; }

.cl-sbs {
  margin-top: 8px;
  padding: 8px 10px;
  border: 1px solid var(--cl-differs-fg);
  border-left-width: 3px;
  border-radius: 6px;
}
.cl-sbs-head { display: flex; align-items: baseline; gap: 8px; }
.cl-sbs-attribute { font-size: 12px; font-weight: 600; color: var(--cl-muted); }
.cl-sbs-values {
  display: grid;
  grid-template-columns: repeat(auto-fit, minmax(96px, 1fr));
  gap: 8px;
  margin-top: 6px;
}
.cl-sbs-value { display: flex; flex-direction: column; min-width: 0; }
.cl-sbs-number { font-size: 17px; font-weight: 650; line-height: 1.25; font-variant-numeric: tabular-nums; }
.cl-sbs-source { font-size: 12px; font-weight: 600; margin-top: 2px; }
.cl-sbs-date { font-size: 12px; color: var(--cl-muted); }

.cl-quote-diff { line-height: 1.6; }
.cl-ins, .cl-del { border-radius: 2px; padding: 0 2px; }
.cl-ins { color: var(--cl-ins-fg); background: var(--cl-ins-bg); text-decoration: underline; text-decoration-thickness: 1px; text-underline-offset: 2px; }
.cl-del { color: var(--cl-del-fg); background: var(--cl-del-bg); text-decoration: line-through; }

.cl-related { display: flex; flex-direction: column; gap: 4px; margin-top: 6px; }

.cl-state { padding: 4px 0; }
.cl-state-loading { display: flex; align-items: center; gap: 8px; color: var(--cl-muted); }
.cl-state-title { font-weight: 600; }
.cl-state-detail { margin-top: 4px; font-size: 12px; }
.cl-spinner {
  width: 14px; height: 14px;
  border: 2px solid var(--cl-border);
  border-top-color: var(--cl-accent);
  border-radius: 50%;
  animation: cl-spin 0.9s linear infinite;
}
@keyframes cl-spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .cl-spinner { animation: none; } }
@media (forced-colors: active) {
  .cl-card { border-color: CanvasText; }
  .cl-badge, .cl-sbs { border-color: CanvasText; }
}
`;
