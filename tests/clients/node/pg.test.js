'use strict';
// node-postgres (pg) against a running Mallard: typed values, parameters, named prepared
// statements, transactions, cursors and streams, COPY, errors with their SQLSTATE.
// tests/clients/run.sh sets TZ=UTC so that pg's Date parsing is the same on every machine.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { pipeline } = require('node:stream/promises');
const { Readable, Writable } = require('node:stream');
const Cursor = require('pg-cursor');
const QueryStream = require('pg-query-stream');
const { from: copyFrom, to: copyTo } = require('pg-copy-streams');
const { Pool } = require('pg');
const { config, connect, tableName } = require('./connect');

let client;
before(async () => { client = await connect(); });
after(async () => { await client.end(); });

async function withTable(ddl, body) {
  const name = tableName('node');
  await client.query(`CREATE TABLE ${name} ${ddl}`);
  try {
    return await body(name);
  } finally {
    await client.query(`DROP TABLE IF EXISTS ${name}`);
  }
}

test('server identifies as PostgreSQL', async () => {
  const { rows } = await client.query('SHOW server_version');
  assert.match(rows[0].server_version, /^\d+\.\d+/);
});

test('typed values decode to JavaScript values', async () => {
  const { rows, fields } = await client.query(`SELECT
      12::int2 AS i2, 2147483647::int4 AS i4, 9007199254740993::int8 AS i8,
      1.5::float4 AS f4, 0.1::float8 AS f8, 12345.67::numeric(10,2) AS num,
      true AS b, 'héllo'::text AS t, DATE '2024-02-29' AS d,
      TIMESTAMP '2024-01-02 03:04:05.678' AS ts, TIMESTAMPTZ '2024-01-02 03:04:05+00' AS tstz,
      'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid AS u, '{"a": [1, 2]}'::json AS j,
      [1, 2, NULL]::int4[] AS arr, ['x', 'y']::text[] AS tarr, NULL::int4 AS n`);
  const r = rows[0];
  assert.equal(r.i2, 12);
  assert.equal(r.i4, 2147483647);
  assert.equal(r.i8, '9007199254740993'); // pg leaves int8 as a string: it may not fit a double
  assert.equal(r.f4, 1.5);
  assert.equal(r.f8, 0.1);
  assert.equal(r.num, '12345.67');
  assert.equal(r.b, true);
  assert.equal(r.t, 'héllo');
  assert.deepEqual(r.d, new Date('2024-02-29T00:00:00Z'));
  assert.deepEqual(r.ts, new Date('2024-01-02T03:04:05.678Z'));
  assert.deepEqual(r.tstz, new Date('2024-01-02T03:04:05Z'));
  assert.equal(r.u, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11');
  assert.deepEqual(r.j, { a: [1, 2] });
  assert.deepEqual(r.arr, [1, 2, null]);
  assert.deepEqual(r.tarr, ['x', 'y']);
  assert.equal(r.n, null);
  assert.deepEqual(fields.map((f) => f.dataTypeID),
    [21, 23, 20, 700, 701, 1700, 16, 25, 1082, 1114, 1184, 2950, 114, 1007, 1009, 23]);
});

test('interval decodes to a PostgresInterval', async () => {
  const { rows } = await client.query("SELECT INTERVAL '1 day 02:03:04' AS iv");
  const iv = rows[0].iv;
  assert.deepEqual([iv.days, iv.hours, iv.minutes, iv.seconds], [1, 2, 3, 4]);
});

test('bytea parameter round-trips as a Buffer', async () => {
  const bytes = Buffer.from([0, 1, 127, 128, 255]);
  const { rows } = await client.query('SELECT $1::bytea AS b', [bytes]);
  assert.deepEqual(rows[0].b, bytes);
});

test('length(bytea) counts bytes, length(text) characters', async () => {
  const { rows, fields } = await client.query('SELECT length($1::bytea) AS n, length($2::text) AS c',
    [Buffer.from([0, 255, 7]), 'héllo']);
  assert.deepEqual([rows[0].n, Number(rows[0].c)], [3, 5]);
  assert.equal(fields[0].dataTypeID, 23); // int4, as PostgreSQL's length(bytea)
  await withTable('(name text, data bytea)', async (t) => {
    await client.query(`INSERT INTO ${t} VALUES ($1, $2)`, ['héllo', Buffer.from([1, 2, 3, 4])]);
    const r = await client.query(`SELECT length(data) AS n FROM ${t} WHERE length(name) = 5`);
    assert.deepEqual(r.rows, [{ n: 4 }]);
  });
});

test('parameters of every common type bind and compare', async () => {
  await withTable('(id int4, name text, price numeric(10,2), seen timestamptz, ok bool)',
    async (t) => {
      const seen = new Date('2025-05-06T07:08:09.010Z');
      await client.query(`INSERT INTO ${t} VALUES ($1, $2, $3, $4, $5), ($6, $7, $8, $9, $10)`,
        [1, 'duck', '9.99', seen, true, 2, null, 19.5, null, false]);
      const { rows } = await client.query(
        `SELECT id, name, price, seen, ok FROM ${t} WHERE id >= $1 AND (name = $2 OR name IS NULL)
         ORDER BY id`, [1, 'duck']);
      assert.deepEqual(rows, [
        { id: 1, name: 'duck', price: '9.99', seen, ok: true },
        { id: 2, name: null, price: '19.50', seen: null, ok: false },
      ]);
    });
});

test('named prepared statement runs again with new values, rowMode array', async () => {
  const q = (n) => ({ name: 'node_square', text: 'SELECT $1::int4 * $1::int4 AS sq', values: [n],
    rowMode: 'array' });
  assert.deepEqual((await client.query(q(7))).rows, [[49]]);
  assert.deepEqual((await client.query(q(12))).rows, [[144]]);
});

test('transaction commit and rollback; a failed transaction answers 25P02', async () => {
  await withTable('(id int4)', async (t) => {
    await client.query('BEGIN');
    await client.query(`INSERT INTO ${t} VALUES (1)`);
    await client.query('COMMIT');
    await client.query('BEGIN');
    await client.query(`INSERT INTO ${t} VALUES (2)`);
    await client.query('ROLLBACK');
    await client.query('BEGIN');
    await assert.rejects(client.query('SELECT * FROM no_such_table_anywhere'), { code: '42P01' });
    await assert.rejects(client.query('SELECT 1'), { code: '25P02' });
    await client.query('ROLLBACK');
    assert.deepEqual((await client.query(`SELECT id FROM ${t}`)).rows, [{ id: 1 }]);
  });
});

test('pg-cursor reads a large result in chunks', async () => {
  const cursor = client.query(new Cursor('SELECT range AS n FROM range($1::int8)', [2500]));
  const sizes = [];
  let sum = 0;
  for (;;) {
    const rows = await cursor.read(1000);
    if (rows.length === 0) break;
    sizes.push(rows.length);
    for (const r of rows) sum += Number(r.n);
  }
  await cursor.close();
  assert.deepEqual(sizes, [1000, 1000, 500]);
  assert.equal(sum, (2499 * 2500) / 2);
});

test('pg-query-stream streams rows', async () => {
  let count = 0;
  const stream = client.query(new QueryStream('SELECT range AS n FROM range(10000)', [],
    { batchSize: 500 }));
  for await (const row of stream) {
    assert.equal(Number(row.n), count);
    count += 1;
  }
  assert.equal(count, 10000);
});

test('COPY FROM STDIN and COPY TO STDOUT through pg-copy-streams', async () => {
  await withTable('(id int4, name text)', async (t) => {
    const input = Readable.from(['1\tduck\n2\t\\N\n', '3\tgoose\n']);
    const sink = client.query(copyFrom(`COPY ${t} FROM STDIN`));
    await pipeline(input, sink);
    assert.equal(sink.rowCount, 3);
    const chunks = [];
    const source = client.query(copyTo(`COPY (SELECT * FROM ${t} ORDER BY id) TO STDOUT WITH CSV`));
    await pipeline(source, new Writable({
      write(chunk, _enc, done) { chunks.push(chunk); done(); },
    }));
    assert.equal(Buffer.concat(chunks).toString(), '1,duck\n2,\n3,goose\n');
  });
});

test('errors carry SQLSTATE and position, and the connection goes on', async () => {
  await assert.rejects(client.query('SELECT * FROM no_such_table_anywhere'), { code: '42P01' });
  await assert.rejects(client.query('SELEC 1'), (e) => e.code === '42601' && Number(e.position) > 0);
  await withTable('(id int4 PRIMARY KEY)', async (t) => {
    await client.query(`INSERT INTO ${t} VALUES (1)`);
    await assert.rejects(client.query(`INSERT INTO ${t} VALUES (1)`), { code: '23505' });
  });
  assert.equal((await client.query('SELECT 6 * 7 AS v')).rows[0].v, 42);
});

test('TLS connection with sslmode=require semantics', async () => {
  const tls = await connect({ ssl: { rejectUnauthorized: false } });
  try {
    const { rows } = await tls.query("SELECT 'over tls' AS s");
    assert.equal(rows[0].s, 'over tls');
  } finally {
    await tls.end();
  }
});

test('a Pool runs queries concurrently on several connections', async () => {
  const pool = new Pool(config({ max: 4 }));
  try {
    const results = await Promise.all([...Array(12).keys()].map((i) =>
      pool.query('SELECT $1::int4 * 2 AS v', [i])));
    assert.deepEqual(results.map((r) => r.rows[0].v), [...Array(12).keys()].map((i) => i * 2));
    assert.ok(pool.totalCount > 1, `pool opened ${pool.totalCount} connection(s)`);
  } finally {
    await pool.end();
  }
});

test('array parameters bind as PostgreSQL arrays', async () => {
  const { rows } = await client.query(
    'SELECT $1::int4[] AS ints, $2::text[] AS texts', [[3, 1, 2], ['a', 'b c', null]]);
  assert.deepEqual(rows[0], { ints: [3, 1, 2], texts: ['a', 'b c', null] });
});

// pg's own processID is the BackendKeyData pid
test('pg_backend_pid() names the session', async () => {
  const { rows } = await client.query('SELECT pg_backend_pid() AS pid');
  assert.equal(rows[0].pid, client.processID);
});

test('CREATE TABLE AS reports the rows it wrote', async () => {
  const t = tableName('node_ctas');
  try {
    const res = await client.query(`CREATE TABLE ${t} AS SELECT * FROM range(5)`);
    assert.deepEqual([res.command, res.rowCount], ['SELECT', 5]);
  } finally {
    await client.query(`DROP TABLE IF EXISTS ${t}`);
  }
});

// dbt prefixes every statement with a /* {"app": "dbt", ...} */ comment and reports the count
test('CREATE TABLE AS after a leading comment reports its rows', async () => {
  const t = tableName('node_ctas');
  try {
    const res = await client.query(
      `/* {"app": "node"} */ CREATE TABLE ${t} AS SELECT * FROM range(5)`);
    assert.deepEqual([res.command, res.rowCount], ['SELECT', 5]);
  } finally {
    await client.query(`DROP TABLE IF EXISTS ${t}`);
  }
});

test('unnamed expression columns are named ?column?', async () => {
  const { fields } = await client.query('SELECT 1 + 1');
  assert.equal(fields[0].name, '?column?');
});
