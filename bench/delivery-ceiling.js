#!/usr/bin/env node
/**
 * The ceiling of bench/delivery.js: a bare Node `http` server, in its own process, that answers
 * every request with the bytes and headers Strapi sent for the cached target (read from the JSON
 * file named by argv[2]: { status, headers: [[name, value], …], body: base64 }). Node sets Date,
 * Connection and Keep-Alive itself, as it does for Strapi. Reports its port over IPC.
 */
const fs = require('fs');
const http = require('http');

const recorded = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const body = Buffer.from(recorded.body, 'base64');
const SET_BY_NODE = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);
const headers = recorded.headers.filter(([name]) => !SET_BY_NODE.has(name.toLowerCase())).flat();

const server = http.createServer((req, res) => {
  req.resume();
  res.writeHead(recorded.status, headers);
  res.end(body);
});
server.keepAliveTimeout = 65000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  if (process.send) process.send({ port });
  else console.log(port);
});
process.on('disconnect', () => process.exit(0));
