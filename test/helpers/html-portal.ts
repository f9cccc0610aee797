/** A portal with no feed, served over loopback: a list page and article pages built from a table each test can change. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startFixtureServer, type FixtureServer } from './fixture-server.ts';

export interface PortalArticle {
  slug: string;
  title: string;
  /** `dd/mm/yyyy HH:mm`, printed beside the link and under the title. */
  date: string;
  paragraphs: string[];
  author?: string;
}

/** Articles by slug at `/tin-tuc/<slug>.html`, the list at `/tin-tuc`; honours If-None-Match; every answer is logged. */
export class HtmlPortal {
  articles: PortalArticle[];
  /** Slug → HTTP status to answer instead of the page. */
  failing = new Map<string, number>();
  robots = '';
  /** Milliseconds each article page waits before answering. */
  articleDelayMs = 0;
  server!: FixtureServer;

  constructor(articles: PortalArticle[]) {
    this.articles = articles;
  }

  async start(): Promise<this> {
    this.server = await startFixtureServer((req, res) => this.handle(req, res));
    return this;
  }

  get url(): string {
    return this.server.url;
  }

  /** Paths requested, in order, robots.txt included. */
  paths(): string[] {
    return this.server.requests.map((request) => request.url);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = req.url ?? '/';
    if (path === '/robots.txt') return void (this.robots === '' ? res.writeHead(404).end() : res.writeHead(200, { 'content-type': 'text/plain' }).end(this.robots));
    if (path === '/tin-tuc') return this.send(req, res, this.listPage());
    const slug = /^\/tin-tuc\/(.+)\.html$/.exec(path)?.[1];
    const article = this.articles.find((candidate) => candidate.slug === slug);
    if (article === undefined) return void res.writeHead(404).end('không tìm thấy');
    if (this.articleDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.articleDelayMs));
    const status = this.failing.get(article.slug);
    if (status !== undefined) return void res.writeHead(status).end('lỗi máy chủ');
    return this.send(req, res, articlePage(article));
  }

  private send(req: IncomingMessage, res: ServerResponse, body: string): void {
    const etag = `"${Buffer.byteLength(body)}-${hash(body)}"`;
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag }).end(body);
  }

  private listPage(): string {
    const items = this.articles
      .map((article) => `<li class="item"><h3><a href="/tin-tuc/${article.slug}.html">${article.title}</a></h3><span class="date">${article.date}</span></li>`)
      .join('\n');
    return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Tin tức</title></head><body>
<ul class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">Giới thiệu chung về xã</a></li></ul>
<div class="main"><h2>Tin tức - Sự kiện</h2><ul class="list-news">${items}</ul></div>
<footer><a href="/lien-he">Liên hệ Ban biên tập cổng thông tin điện tử</a></footer></body></html>`;
  }
}

export function articlePage(article: PortalArticle): string {
  const paragraphs = article.paragraphs.map((text) => `<p>${text}</p>`).join('\n');
  const byline = article.author === undefined ? '' : `<p><strong>${article.author}</strong></p>`;
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${article.title}</title></head><body>
<div class="breadcrumb"><a href="/">Trang chủ</a> / <a href="/tin-tuc">Tin tức</a></div>
<div class="detail"><h1>${article.title}</h1><div class="meta">Cập nhật: ${article.date} | Lượt xem: 37</div>
<div class="content">${paragraphs}${byline}<h4>Tin liên quan</h4><ul><li><a href="/tin-tuc/khac.html">Một tin khác của cổng thông tin</a></li></ul></div></div>
</body></html>`;
}

function hash(text: string): string {
  let value = 0;
  for (let i = 0; i < text.length; i++) value = (value * 31 + text.charCodeAt(i)) | 0;
  return (value >>> 0).toString(16);
}

/** Starts a portal; the caller closes `portal.server`. */
export function startHtmlPortal(articles: PortalArticle[]): Promise<HtmlPortal> {
  return new HtmlPortal(articles).start();
}
