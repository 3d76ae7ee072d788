/** Workflow e-mail through a real local SMTP server: who receives what. */
const { SMTPServer } = require('smtp-server');
const { setupStrapi, teardownStrapi, appDir } = require('./helpers/strapi');
const { createUnit } = require('./helpers/factories');

const SMTP_PORT = 22000 + (process.pid % 20000);
const mails = [];
let smtp;
let strapi;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).sort(), raw });
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
});
afterAll(async () => {
  await teardownStrapi();
  delete process.env.SMTP_HOST;
  await new Promise((resolve) => smtp.close(resolve));
});

const waitForMail = async (n) => {
  for (let i = 0; i < 100 && mails.length < n; i += 1) await new Promise((r) => setTimeout(r, 50));
  return mails;
};

/** Decodes the subject and body of a MIME message (nodemailer encodes Thai as base64 or QP). */
const text = (raw) => {
  const decoded = raw.replace(/=\?UTF-8\?B\?([^?]+)\?=/gi, (_, b) =>
    Buffer.from(b, 'base64').toString('utf8'),
  );
  const body = decoded
    .split(/\r?\n\r?\n/)
    .slice(1)
    .join('\n');
  const b64 = /Content-Transfer-Encoding: base64/i.test(decoded)
    ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    : '';
  const qp = /quoted-printable/i.test(decoded)
    ? Buffer.from(
        body
          .replace(/=\r?\n/g, '')
          .replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16))),
        'latin1',
      ).toString('utf8')
    : '';
  return `${decoded}\n${b64}\n${qp}`;
};

test("submit mails the unit's approvers; request changes, approve and publish mail the author", async () => {
  const provisioning = require(`${appDir}/dist/src/units/provisioning`);
  const wf = require(`${appDir}/dist/src/workflow/service`);
  const unit = await createUnit(strapi, { code: 'MAIL', nameTh: 'หน่วยงานทดสอบอีเมล' });
  const people = {
    editor: 'editor@mail.example.org',
    head: 'head@mail.example.org',
    deputy: 'deputy@mail.example.org',
  };
  await provisioning.upsertUserMembership(strapi, {
    email: people.editor,
    password: 'Prongsai123',
    firstname: 'E',
    unit: 'MAIL',
    role: 'editor',
  });
  for (const who of ['head', 'deputy']) {
    await provisioning.upsertUserMembership(strapi, {
      email: people[who],
      password: 'Prongsai123',
      firstname: who,
      unit: 'MAIL',
      role: 'approver',
    });
  }
  const user = async (email) => strapi.db.query('admin::user').findOne({ where: { email } });
  const editor = { kind: 'user', user: await user(people.editor) };
  const head = { kind: 'user', user: await user(people.head) };
  const doc = await strapi
    .documents('api::news.news')
    .create({ data: { title: 'ข่าวแจ้งเตือน', unit: unit.documentId } });
  const go = (action, actor, comment) =>
    wf.transition(strapi, {
      uid: 'api::news.news',
      documentId: doc.documentId,
      action,
      actor,
      comment,
    });

  await go('submit', editor);
  await waitForMail(1);
  expect(mails[0].to).toEqual([people.deputy, people.head]);
  expect(text(mails[0].raw)).toContain('รออนุมัติ: ข่าวแจ้งเตือน');
  expect(text(mails[0].raw)).toContain(
    `/admin/content-manager/collection-types/api::news.news/${doc.documentId}`,
  );

  await go('request_changes', head, 'เพิ่มรูปประกอบ');
  await waitForMail(2);
  expect(mails[1].to).toEqual([people.editor]);
  expect(text(mails[1].raw)).toContain('ขอให้แก้ไข: ข่าวแจ้งเตือน');
  expect(text(mails[1].raw)).toContain('เพิ่มรูปประกอบ');

  await go('submit', editor);
  await go('approve', head);
  await go('publish', head);
  await waitForMail(5);
  // Sending does not hold up a transition, so mails may arrive in any order.
  const kind = (m) =>
    ['รออนุมัติ', 'อนุมัติแล้ว', 'เผยแพร่แล้ว'].find((k) =>
      text(m.raw).includes(`${k}: ข่าวแจ้งเตือน`),
    );
  expect(
    mails
      .slice(2)
      .map((m) => `${kind(m)} → ${m.to.join(',')}`)
      .sort(),
  ).toEqual(
    [
      `รออนุมัติ → ${people.deputy},${people.head}`,
      `อนุมัติแล้ว → ${people.editor}`,
      `เผยแพร่แล้ว → ${people.editor}`,
    ].sort(),
  );
});
