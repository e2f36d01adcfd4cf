import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestSystem, ApiClient, type TestSystem } from '../src/testing/harness.ts';

let sys: TestSystem;
before(async () => (sys = await startTestSystem()));
after(async () => sys?.close());

describe('health and docs', () => {
  test('GET /api/health reports the engine and the migration version', async () => {
    const res = await new ApiClient(sys.url).get('/api/health');
    assert.equal(res.status, 200);
    assert.equal(res.body.status, 'ok');
    assert.equal(res.body.engine, process.env.DATABASE_URL ? 'postgresql' : 'pglite');
    assert.match(res.body.migration, /^\d{4}_/);
    assert.ok(res.headers.get('x-request-id'));
  });

  test('the OpenAPI 3 document covers every API route', async () => {
    const res = await new ApiClient(sys.url).get('/api/docs/json');
    assert.equal(res.status, 200);
    assert.match(res.body.openapi, /^3\./);
    const apiRoutes = sys.app.registeredRoutes.filter(
      (r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD',
    );
    assert.ok(apiRoutes.length >= 10, `only ${apiRoutes.length} routes`);
    for (const route of apiRoutes) {
      const openapiPath = route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      const entry = res.body.paths[openapiPath]?.[route.method.toLowerCase()];
      assert.ok(entry, `${route.method} ${route.url} is missing from /api/docs/json`);
    }
  });

  test('unknown API paths get a problem+json 404 in the asked language', async () => {
    const res = await new ApiClient(sys.url, 'en').get('/api/nope');
    assert.equal(res.status, 404);
    assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.equal(res.body.title, 'Route not found');
    assert.equal(res.body.message.vi, 'Không tìm thấy đường dẫn');
  });
});
