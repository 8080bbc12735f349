import { createHmac } from 'node:crypto';
import nodemailer from 'nodemailer';
import { AppError } from '../../platform/errors';
import { withParticipants } from '../../platform/ical';

/**
 * How a message leaves the platform: a user's SMS or email, or an org unit's group robot (WeCom, DingTalk).
 * Robots are plain HTTPS calls documented by the vendors; email goes through any SMTP server (SMTP_URL);
 * SMS goes through the platform's SMS provider (platform/sms.ts): one approved template per event,
 * `SMS_TEMPLATE_NOTIFY_<EVENT>` (e.g. SMS_TEMPLATE_NOTIFY_WORK_ORDER_ASSIGNED), with the event's params. Each sender throws on failure
 * (the delivery job retries), with a reason short enough for the delivery log.
 */
export interface Senders {
  email?:
    | ((
        to: string,
        subject: string,
        text: string,
        attachments?: readonly MessageAttachment[],
      ) => Promise<void>)
    | undefined;
  /** POST a JSON body to a robot URL; the robot's JSON answer. */
  postJson(url: string, body: unknown): Promise<{ status: number; json: unknown }>;
}

const TIMEOUT_MS = 10_000;

async function postJson(url: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(TIMEOUT_MS),
    redirect: 'error',
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = { raw: text.slice(0, 200) };
  }
  return { status: res.status, json };
}

/** A file an email carries (stored with the message): a meeting invitation's .ics. */
export interface MessageAttachment {
  filename: string;
  /** e.g. `text/calendar; charset=UTF-8; method=REQUEST` */
  contentType: string;
  content: string;
}

/**
 * Sends email through a nodemailer transport (SMTP in production; the stream/JSON transports in tests).
 * A calendar attachment with `method=REQUEST` gets this sender as ORGANIZER and the recipient as ATTENDEE
 * (RFC 5546 wants both on a REQUEST), so mail clients offer 接受／拒绝 and add it to the calendar.
 */
export function emailSender(transport: nodemailer.Transporter, from: string): NonNullable<Senders['email']> {
  const fromAddress = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return async (to, subject, text, attachments) => {
    await transport.sendMail({
      from,
      to,
      subject,
      text,
      ...(attachments?.length && {
        attachments: attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content:
            /^text\/calendar/i.test(a.contentType) && /method=request/i.test(a.contentType)
              ? withParticipants(a.content, fromAddress, to)
              : a.content,
        })),
      }),
    });
  };
}

/** The senders this process can use, from its environment: SMTP_URL (+ SMTP_FROM) turns email on. */
export function sendersFromEnv(env: NodeJS.ProcessEnv = process.env): Senders {
  const smtpUrl = env.SMTP_URL?.trim();
  const from = env.SMTP_FROM?.trim() || 'Linli <no-reply@localhost>';
  const transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
  return { postJson, email: transport ? emailSender(transport, from) : undefined };
}

let current: Senders | undefined;
/** The process's senders (from the environment unless a test or the SMS provider set them). */
export function senders(): Senders {
  current ??= sendersFromEnv();
  return current;
}
export function useSenders(s: Senders | undefined): void {
  current = s;
}

// --- robots

const ROBOT_PREFIX = {
  wecom: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=',
  dingtalk: 'https://oapi.dingtalk.com/robot/send?access_token=',
} as const;
export type RobotKind = keyof typeof ROBOT_PREFIX;

/**
 * A robot URL must be the vendor's (no other host is ever called with our messages); NOTIFY_WEBHOOK_ORIGINS
 * (comma-separated origins) adds test or private-deployment endpoints.
 */
export function checkRobotUrl(kind: RobotKind, url: string): void {
  const extra = (process.env.NOTIFY_WEBHOOK_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError('notifications.webhook_url', 422);
  }
  const vendor = url.startsWith(ROBOT_PREFIX[kind]) && url.length > ROBOT_PREFIX[kind].length;
  if (!vendor && !extra.includes(parsed.origin)) throw new AppError('notifications.webhook_url', 422);
}

/** 'https://qyapi.weixin.qq.com/…?key=693a…' → 'https://qyapi.weixin.qq.com/…?key=693a****' */
export function maskRobotUrl(url: string): string {
  const at = url.search(/(key|access_token)=/);
  if (at < 0) return url.replace(/(.{24}).+/, '$1****');
  const eq = url.indexOf('=', at) + 1;
  return `${url.slice(0, eq)}${url.slice(eq, eq + 4)}****`;
}

/** DingTalk "加签": timestamp and sign appended to the URL (HMAC-SHA256 of "timestamp\nsecret", base64). */
export function signDingTalk(url: string, secret: string, now: number): string {
  const sign = createHmac('sha256', secret).update(`${now}\n${secret}`).digest('base64');
  return `${url}&timestamp=${now}&sign=${encodeURIComponent(sign)}`;
}

/** Posts a text message to a robot; throws with the vendor's error when it does not say errcode 0. */
export async function sendToRobot(
  s: Senders,
  robot: { kind: RobotKind; url: string; secret: string | null },
  text: string,
  now: number,
): Promise<void> {
  const url =
    robot.kind === 'dingtalk' && robot.secret ? signDingTalk(robot.url, robot.secret, now) : robot.url;
  const { status, json } = await s.postJson(url, { msgtype: 'text', text: { content: text } });
  const body = json as { errcode?: number; errmsg?: string } | null;
  if (status >= 400 || !body || body.errcode !== 0)
    throw new Error(
      `HTTP ${status} ${body?.errcode ?? ''} ${body?.errmsg ?? JSON.stringify(json).slice(0, 120)}`.trim(),
    );
}
