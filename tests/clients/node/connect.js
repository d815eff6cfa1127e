'use strict';
// Connection settings for the server tests/clients/run.sh started (or MALLARD_TEST_DSN names).
const { Client } = require('pg');

function config(extra = {}) {
  const need = (k) => {
    if (!process.env[k]) throw new Error(`${k} is not set: run through tests/clients/run.sh`);
    return process.env[k];
  };
  return {
    host: need('MALLARD_HOST'),
    port: Number(need('MALLARD_PORT')),
    user: process.env.MALLARD_USER || 'postgres',
    password: need('MALLARD_PASSWORD'),
    database: process.env.MALLARD_DATABASE || 'postgres',
    connectionTimeoutMillis: 10000,
    ...extra,
  };
}

async function connect(extra) {
  const client = new Client(config(extra));
  await client.connect();
  return client;
}

let counter = 0;
// A table name no other run or client uses at the same time.
function tableName(prefix) {
  counter += 1;
  return `${prefix}_${process.pid}_${counter}`;
}

module.exports = { config, connect, tableName };
