/**
 * The signatures deliveries carry: Kesu's own webhook (HMAC-SHA256 of "<timestamp>.<body>" in hex),
 * a DingTalk robot's (HMAC-SHA256 of "<timestamp ms>\n<secret>" keyed with the secret, base64) and
 * a Feishu robot's (HMAC-SHA256 of nothing keyed with "<timestamp s>\n<secret>", base64).
 */
import { createHmac } from 'node:crypto';

/** The X-Kesu-Signature value of a webhook body sent at `timestamp` (seconds). */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** DingTalk's `sign` for a timestamp in milliseconds (to be URL-encoded in the query). */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
}

/** Feishu's `sign` for a timestamp in seconds. */
export function feishuSign(secret: string, timestampSeconds: number): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
}
