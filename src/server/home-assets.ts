/** The home page's inline style and script: no external assets, so the page works offline. */
import { createHash } from 'node:crypto';

export const HOME_STYLE = `
:root { color-scheme: light dark; --accent: #b3261e; --muted: #595959; --rule: #8884; }
@media (prefers-color-scheme: dark) { :root { --accent: #ff8a80; --muted: #b0b0b0; } }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; line-height: 1.5; overflow-wrap: anywhere; }
header h1 { color: var(--accent); margin-bottom: 0; }
.category { border-top: 1px solid var(--rule); padding: .5rem 0 1rem; }
.category h3 { margin: .25rem 0; }
.count, .desc, small, .run, footer { color: var(--muted); }
.subscribe { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem 1rem; }
.subscribe li { display: flex; align-items: center; gap: .35rem; }
.headlines li { margin: .35rem 0; }
button.copy { font: inherit; font-size: .85rem; min-height: 2rem; padding: .2rem .6rem; cursor: pointer; }
table.sources { border-collapse: collapse; width: 100%; font-size: .9rem; }
.sources th, .sources td { border-bottom: 1px solid var(--rule); padding: .35rem; text-align: left; vertical-align: top; }
td.error { color: var(--accent); }
form.search { display: flex; align-items: center; flex-wrap: wrap; gap: .5rem; margin: .5rem 0 1rem; }
form.search input { font: inherit; flex: 1 1 12rem; min-height: 2.5rem; padding: .2rem .5rem; }
form.search button { font: inherit; min-height: 2.5rem; padding: .2rem 1rem; cursor: pointer; }
@media (max-width: 40rem) { .sources th:nth-child(3), .sources td:nth-child(3) { display: none; } }
`;

export const HOME_SCRIPT = `
async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Without the async clipboard (plain http on a LAN address, older browsers): a selected textarea.
    const field = document.createElement('textarea');
    field.value = text;
    field.setAttribute('readonly', '');
    field.style.position = 'fixed';
    field.style.opacity = '0';
    document.body.append(field);
    field.select();
    const copied = document.execCommand('copy');
    field.remove();
    return copied;
  }
}
document.addEventListener('click', async (event) => {
  const button = event.target instanceof Element ? event.target.closest('button.copy') : null;
  if (!button) return;
  const copied = await copyText(button.dataset.url);
  button.textContent = copied ? 'Đã chép' : 'Không chép được';
  setTimeout(() => { button.textContent = 'Sao chép'; }, 2000);
});
`;

/**
 * Only this page's own style and script may run, nothing may load from elsewhere: the
 * policy itself proves the page needs no external asset.
 */
export const HOME_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src '${sha256(HOME_STYLE)}'`,
  `script-src '${sha256(HOME_SCRIPT)}'`,
  'img-src data:',
  // A reader extension (or the browser test) may fetch this service's feeds from the page; nothing else.
  "connect-src 'self'",
  "base-uri 'none'",
  // The search box submits to this service only.
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** A CSP source naming one inline style or script by its hash. */
export function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}
