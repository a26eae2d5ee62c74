import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { sendMail } from './mailer';
import { passwordResetMail } from './messages';

// A real SMTP server on loopback, started here; the messages are parsed as a mail program would.
let server: SMTPServer;
let port = 0;
const received: ParsedMail[] = [];

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const saved = { SMTP_URL: process.env.SMTP_URL, MAIL_FROM: process.env.MAIL_FROM };
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  received.length = 0;
});

const mail = () => passwordResetMail({ to: 'ana@example.org', name: 'Ana Ruiz', link: 'https://news.example/signin/reset/abc', minutes: 60, publication: 'The Gazette' });

describe('e-mail over SMTP', () => {
  it('delivers a message from MAIL_FROM to the person, with the link in its text', async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    process.env.MAIL_FROM = 'The Gazette <newsroom@news.example>';
    expect(await sendMail(mail())).toEqual({ sent: true });
    expect(received).toHaveLength(1);
    const [message] = received;
    expect(message!.from?.text).toBe('"The Gazette" <newsroom@news.example>');
    expect(message!.to && 'text' in message!.to ? message!.to.text : '').toBe('ana@example.org');
    expect(message!.subject).toBe('The Gazette: set a new password');
    expect(message!.text).toContain('\nhttps://news.example/signin/reset/abc\n');
  });

  it('without SMTP_URL, or when the server is gone, says it was not sent (the caller keeps the link)', async () => {
    delete process.env.SMTP_URL;
    expect(await sendMail(mail())).toEqual({ sent: false, reason: 'not-configured' });
    process.env.SMTP_URL = 'smtp://127.0.0.1:1';
    expect(await sendMail(mail())).toEqual({ sent: false, reason: 'failed' });
    expect(received).toHaveLength(0);
  });
});
