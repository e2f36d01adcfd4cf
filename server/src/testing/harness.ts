import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../platform/config.ts';
import type { Clock } from '../platform/clock.ts';
import { startSystem } from '../system.ts';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');

/** A fingerprint of everything that shapes a freshly seeded database: migrations, seed code, seed data. */
function templateKey(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|sql|json)$/.test(entry.name)) hash.update(full).update(fs.readFileSync(full));
    }
  };
  for (const dir of ['server/migrations', 'server/src', 'core/src']) walk(path.join(REPO_ROOT, dir));
  return hash.digest('hex').slice(0, 16);
}

const testConfig = (extra: Record<string, string>) =>
  loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1', ...extra });

/**
 * Migrating and seeding (5,670 procedures, 3,321 communes …) takes seconds; every test file instead
 * starts from one template made the first time and kept for the same sources: a PGlite snapshot file,
 * or a PostgreSQL template database.
 */
async function pgliteTemplate(): Promise<Blob> {
  const file = path.join(os.tmpdir(), `motcua-pglite-template-${templateKey()}.tar.gz`);
  if (!fs.existsSync(file)) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-template-'));
    const system = await startSystem(testConfig({ DATA_DIR: dataDir }), { inMemory: true });
    const blob = await system.dumpDatabase!();
    await system.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
    fs.renameSync(tmp, file);
    // Snapshots of older sources are of no more use once nobody has made one for a while (other
    // checkouts of the repository on this machine may still be using theirs).
    const stale = Date.now() - 6 * 3600_000;
    for (const old of fs.readdirSync(os.tmpdir())) {
      const full = path.join(os.tmpdir(), old);
      if (old.startsWith('motcua-pglite-template-') && full !== file && fs.statSync(full, { throwIfNoEntry: false })?.mtimeMs! < stale)
        fs.rmSync(full, { force: true });
    }
  }
  return new Blob([fs.readFileSync(file)]);
}

async function postgresTemplate(serverUrl: string): Promise<string> {
  const name = `motcua_tpl_${templateKey()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) {
      const building = `${name}_build_${process.pid}`;
      await admin.query(`create database ${building}`);
      const url = new URL(serverUrl);
      url.pathname = `/${building}`;
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-template-'));
      const system = await startSystem(testConfig({ DATA_DIR: dataDir, DATABASE_URL: url.toString() }), { inMemory: true });
      await system.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      try {
        await admin.query(`alter database ${building} rename to ${name}`);
      } catch (error) {
        // Another process built the same template meanwhile: use theirs.
        await admin.query(`drop database if exists ${building} with (force)`);
        if ((await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 0) throw error;
      }
      // Templates of older sources are of no more use, but other checkouts on this server may still be
      // using (or building) theirs: keep the three newest finished ones and every build whose process lives.
      const old = await admin.query(
        "select datname from pg_database where datname like 'motcua_tpl_%' and datname <> $1 and datname not like '%_build_%' order by oid desc offset 3",
        [name],
      );
      for (const row of old.rows) await admin.query(`drop database if exists ${row.datname} with (force)`);
      const builds = await admin.query("select datname from pg_database where datname like 'motcua_tpl_%_build_%'");
      for (const row of builds.rows) {
        const pid = Number(/_build_(\d+)$/.exec(row.datname)?.[1]);
        if (pid && !processAlive(pid)) await admin.query(`drop database if exists ${row.datname} with (force)`);
      }
    }
  } finally {
    await admin.end();
  }
  return name;
}

function processAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A fresh PostgreSQL database copied from the seeded template, and how to drop it. */
export async function createTestDatabase(serverUrl: string) {
  const name = `motcua_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const template = await postgresTemplate(serverUrl);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** A data folder whose PGlite database is the seeded template (for a server run as a child process). */
export async function createTestDataDir() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-data-'));
  const snapshot = Buffer.from(await (await pgliteTemplate()).arrayBuffer());
  const archive = path.join(dataDir, 'template.tar.gz');
  fs.writeFileSync(archive, snapshot);
  fs.mkdirSync(path.join(dataDir, 'pglite'));
  const { execFileSync } = await import('node:child_process');
  execFileSync('tar', ['xzf', archive, '-C', path.join(dataDir, 'pglite')]);
  fs.rmSync(archive);
  return dataDir;
}

/**
 * A whole running system for a test file: in-memory PGlite, or, when DATABASE_URL is set, a fresh
 * PostgreSQL database created for this run and dropped afterwards. Listens on a free loopback port.
 */
export async function startTestSystem(options: { clock?: Clock; env?: Record<string, string> } = {}) {
  const serverUrl = process.env.DATABASE_URL;
  const database = serverUrl ? await createTestDatabase(serverUrl) : null;
  const databaseUrl = database?.url;
  const dropDatabase = database ? database.drop : async () => {};
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-test-'));
  const config: Config = loadConfig({
    DATA_DIR: dataDir,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...options.env,
  });
  const snapshot = databaseUrl ? undefined : await pgliteTemplate();
  const system = await startSystem(config, { inMemory: true, ...(snapshot ? { pgliteSnapshot: snapshot } : {}), ...(options.clock ? { clock: options.clock } : {}) });
  await system.app.listen({ port: 0, host: '127.0.0.1' });
  const address = system.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    ...system,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await system.close();
      await dropDatabase();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type TestSystem = Awaited<ReturnType<typeof startTestSystem>>;

/** A small HTTP client that keeps the session cookie and CSRF token like a browser tab would. */
export class ApiClient {
  cookie = '';
  csrfToken = '';
  constructor(readonly baseUrl: string, readonly lang: 'vi' | 'en' = 'vi') {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        'accept-language': this.lang,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken && method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await res.text();
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: res.status, headers: res.headers, body: json };
  }

  get = (path: string, headers?: Record<string, string>) => this.request('GET', path, undefined, headers);
  post = (path: string, body?: unknown, headers?: Record<string, string>) => this.request('POST', path, body, headers);
  patch = (path: string, body?: unknown, headers?: Record<string, string>) => this.request('PATCH', path, body, headers);

  async login(username: string, password = 'motcua-demo') {
    const res = await this.post('/api/auth/login', { username, password });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    this.csrfToken = res.body.csrfToken;
    return res.body;
  }
}

/**
 * A second server instance on the same database as `first`: its own process state (pool, caches) on
 * PostgreSQL; on PGlite (one connection, one process) a second HTTP app over the same database.
 */
export async function startSecondInstance(first: TestSystem) {
  if (first.ctx.engine === 'postgresql') {
    const system = await startSystem({ ...first.ctx.config }, { inMemory: true, clock: first.ctx.clock });
    await system.app.listen({ port: 0, host: '127.0.0.1' });
    const address = system.app.server.address();
    return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, close: () => system.close() };
  }
  const { buildApp } = await import('../app.ts');
  const app = await buildApp(first.ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, close: () => app.close() };
}

/**
 * Starts `main.ts start` as its own process (to be killed mid-work by a test) and resolves with its
 * URL once it listens.
 */
export function startServerProcess(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'start'], {
      cwd: path.join(REPO_ROOT, 'server'),
      env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', COOKIE_SECURE: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 120_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /is running: (http:\/\/localhost:\d+)\//.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!.replace('localhost', '127.0.0.1') });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
}
