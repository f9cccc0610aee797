/**
 * Several bantin processes on one PostgreSQL test database: their config files, the real command line
 * (`src/main.ts`, as npm's scripts run it) in child processes, portals carrying copies of one event,
 * and what the server says about locks and sessions.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from '../../src/config/load-config.ts';
import { buildRss, type TestItem } from './build-rss.ts';
import { handTypedEnv, startProcess, type WatchedProcess } from './child-process.ts';
import { onDatabase } from './postgres-database.ts';

/** One fire in Gia Lai as every portal printed it: the same text under each portal's own guid and link. */
export function fireCopy(portal: string): TestItem {
  return {
    guid: `${portal}-chay-kho-phe-lieu`,
    link: `https://${portal}.example.vn/tin/chay-kho-phe-lieu-quy-nhon-nam.html`,
    title: 'Cháy kho phế liệu ở phường Quy Nhơn Nam, không có thiệt hại về người',
    body:
      'Khoảng 14 giờ ngày 3/12, một kho chứa phế liệu rộng khoảng 300 m² trên đường Hùng Vương, phường Quy Nhơn Nam bất ngờ bốc cháy. ' +
      'Lực lượng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ Công an tỉnh Gia Lai điều 4 xe chữa cháy cùng 30 cán bộ, chiến sĩ đến hiện trường. ' +
      'Sau gần hai giờ, đám cháy được khống chế hoàn toàn. Vụ cháy không gây thiệt hại về người; nguyên nhân đang được cơ quan chức năng điều tra làm rõ.',
    date: new Date(Date.now() - 30 * 60_000).toUTCString(),
  };
}

/** Another story of the same province, for a portal that has news of its own. */
export function harvestItem(portal: string, n: number): TestItem {
  return {
    guid: `${portal}-mua-${n}`,
    link: `https://${portal}.example.vn/tin/thu-hoach-ca-phe-${n}.html`,
    title: `Nông dân xã Ia Grai thu hoạch cà phê vụ mùa thứ ${n}`,
    body: `Bà con xã Ia Grai đang vào cao điểm thu hoạch cà phê đợt ${n}, năng suất ước đạt 3,${n} tấn mỗi héc-ta, giá thu mua tại vườn ổn định so với tuần trước.`,
    date: new Date(Date.now() - (40 + n) * 60_000).toUTCString(),
  };
}

export function rss(portal: string, items: readonly TestItem[]): string {
  return buildRss(`Cổng thông tin ${portal}`, items);
}

export interface InstanceConfig {
  store: string;
  sources: { id: string; url: string }[];
  port?: number;
  schedule?: string;
}

/** A config file in `dir` (its feeds there too); its path. */
export async function writeInstanceConfig(dir: string, name: string, config: InstanceConfig): Promise<string> {
  const file = path.join(dir, `${name}.json`);
  const sources = config.sources.map((source) => ({ ...source, name: `Cổng ${source.id}` }));
  const written = {
    store: config.store,
    port: config.port ?? 0,
    // One public address for every instance, as behind a load balancer: the feeds' self links are the same.
    baseUrl: 'http://bantin.test',
    outDir: path.join(dir, `${name}-feeds`),
    fetchTimeoutSeconds: 20,
    hostDelaySeconds: 0,
    ...(config.schedule === undefined ? {} : { schedule: config.schedule }),
    categories: [{ id: 'thoi-su', title: 'Thời sự', keywords: ['cháy', 'cà phê', 'ma túy'] }],
    sources,
  };
  await writeFile(file, JSON.stringify(written, null, 2));
  return file;
}

/** `src/main.ts <command> --config <file>` in a child, as `npm start` / `npm run ingest` run it; the config's store whatever BANTIN_STORE says. */
export function startBantin(command: 'serve' | 'ingest', configFile: string): WatchedProcess {
  const { BANTIN_STORE: _store, ...env } = handTypedEnv({ LOG_LEVEL: 'warn' });
  return startProcess(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'src/main.ts'), command, '--config', configFile], { cwd: REPO_ROOT, env });
}

/** The advisory locks held on this database now, with the holding session's application name. */
export function advisoryLocks(url: string): Promise<{ application_name: string; classid: number; objid: number }[]> {
  return onDatabase(url, async (client) => {
    const { rows } = await client.query<{ application_name: string; classid: number; objid: number }>(
      `SELECT a.application_name, l.classid::int8 AS classid, l.objid::int8 AS objid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
       WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    return rows;
  });
}

/** Sessions a bantin process (`bantin pid N`) has open on this database. */
export function sessionsOf(url: string, pid: number): Promise<number> {
  return onDatabase(url, async (client) => {
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()', [
      `bantin pid ${pid}`,
    ]);
    return Number(rows[0]!.n);
  });
}

/** Polls `check` every 100 ms until it holds, for at most `ms`; throws `what` otherwise. */
export async function waitUntil(check: () => Promise<boolean> | boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
