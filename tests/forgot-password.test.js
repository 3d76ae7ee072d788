/**
 * Forgot-password does not tell which addresses exist, not even by its timing: for a registered
 * address the reset e-mail is sent without holding up the answer. A local SMTP server holds the
 * message until the test has the HTTP answer in hand — if the controller waited for the mail
 * server, the answer would never come first and the test would not finish.
 */
const { SMTPServer } = require('smtp-server');
const request = require('supertest');
const { setupStrapi, teardownStrapi } = require('./helpers/strapi');
const { createMember } = require('./helpers/factories');

const SMTP_PORT = 24000 + (process.pid % 20000);
const mails = [];
let release;
const held = new Promise((resolve) => (release = resolve));
let smtp;
let strapi;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo(address, session, callback) {
      // The mail server is slow: nothing is accepted until the test says so.
      held.then(() => callback());
    },
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise((resolve) => smtp.listen(SMTP_PORT, '127.0.0.1', resolve));
  strapi = await setupStrapi({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(SMTP_PORT),
    EMAIL_FROM: 'ita@example.org',
  });
  await createMember(strapi);
});
afterAll(async () => {
  release();
  await teardownStrapi();
  delete process.env.SMTP_HOST;
  await new Promise((resolve) => smtp.close(resolve));
});

test('a registered address is answered before the mail server has accepted the e-mail', async () => {
  const api = () => request(strapi.server.httpServer);
  const known = await api().post('/api/auth/forgot-password').send({ email: 'member@example.org' });
  const unknown = await api()
    .post('/api/auth/forgot-password')
    .send({ email: 'nobody@example.org' });
  expect([known.status, known.body]).toEqual([200, { ok: true }]);
  expect([unknown.status, unknown.body]).toEqual([200, { ok: true }]);
  // Answered while the mail was still held; the reset token is already stored.
  expect(mails).toEqual([]);
  const row = await strapi.db
    .query('plugin::users-permissions.user')
    .findOne({ where: { email: 'member@example.org' } });
  expect(row.resetPasswordToken).toMatch(/^[0-9a-f]{128}$/);
  // Then the mail goes out, to the registered address only, with the token.
  release();
  for (let i = 0; i < 100 && mails.length < 1; i += 1) await new Promise((r) => setTimeout(r, 50));
  expect(mails.map((m) => m.to)).toEqual([['member@example.org']]);
  expect(mails[0].raw).toContain(row.resetPasswordToken.slice(0, 40));
});
