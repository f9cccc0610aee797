/** The inline style of the story and search pages, and their policy: no script and nothing loaded from elsewhere. */
import { HOME_STYLE, sha256 } from './home-assets.ts';

export const PAGE_STYLE = `${HOME_STYLE}
nav.crumbs { font-size: .9rem; }
.story-meta { color: var(--muted); }
.content p { margin: .6rem 0; }
table.copies { border-collapse: collapse; width: 100%; font-size: .95rem; }
.copies th, .copies td { border-bottom: 1px solid var(--rule); padding: .4rem; text-align: left; vertical-align: top; }
.copies tr.shown td { font-weight: 600; }
.copies td:last-child { overflow-wrap: normal; }
.badge { display: inline-block; border: 1px solid currentColor; border-radius: .3rem; padding: 0 .3rem; font-size: .8rem; font-weight: 400; }
.pager { display: flex; gap: 1rem; }
.joins li { margin-bottom: .8rem; }
.joins p { margin: .2rem 0; }
dl.numbers { margin: .2rem 0 0; font-size: .95rem; }
dl.numbers div { display: flex; flex-wrap: wrap; gap: 0 .5rem; }
dl.numbers dt { color: var(--muted); }
dl.numbers dt::after { content: ":"; }
dl.numbers dd { margin: 0; overflow-wrap: anywhere; }
`;

export const PAGE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src '${sha256(PAGE_STYLE)}'`,
  'img-src data:',
  "base-uri 'none'",
  // The search box submits to this service only.
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
