/** The home page's inline style and script: no external assets, so the page works offline. */

export const HOME_STYLE = `
:root { color-scheme: light dark; --accent: #b3261e; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; line-height: 1.5; }
header h1 { color: var(--accent); margin-bottom: 0; }
.category { border-top: 1px solid #8884; padding: .5rem 0 1rem; }
.category h3 { margin: .25rem 0; }
.count, .desc, small, .run, footer { color: #777; }
.subscribe { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem 1rem; }
.headlines li { margin: .35rem 0; }
button.copy { font-size: .8rem; cursor: pointer; }
table.sources { border-collapse: collapse; width: 100%; font-size: .9rem; }
.sources th, .sources td { border-bottom: 1px solid #8884; padding: .35rem; text-align: left; vertical-align: top; }
td.error { color: var(--accent); }
@media (max-width: 40rem) { .sources th:nth-child(3), .sources td:nth-child(3) { display: none; } }
`;

export const HOME_SCRIPT = `
document.addEventListener('click', async (event) => {
  const button = event.target.closest('button.copy');
  if (!button) return;
  const url = button.dataset.url;
  try {
    await navigator.clipboard.writeText(url);
  } catch {
    const field = document.createElement('textarea');
    field.value = url;
    document.body.append(field);
    field.select();
    document.execCommand('copy');
    field.remove();
  }
  button.textContent = 'Đã chép';
  setTimeout(() => { button.textContent = 'Sao chép'; }, 2000);
});
`;
