/**
 * A test message over one of the company's saved channels, sent now (not queued): the
 * administrator sees at once whether the SMTP server, webhook or robot takes it, or why not.
 */
import { companyAccess, requireRole } from '../access.ts';
import { AppError, notFound } from '../app-error.ts';
import type { AppDeps, RequestContext } from '../ports/deps.ts';
import type { Delivery } from '../ports/outbox.ts';

/** Whether the test message went, or the sender's error. */
export type ChannelTestResult = { sent: true; at: string } | { sent: false; error: string };

const TEST_LABEL = {
  'zh-CN': '这是客诉平台的测试消息：此渠道可以送达。',
  en: 'This is a test message from Kesu: this channel works.',
};

/** The e-mail address to send to: the given one, else the caller's own. */
async function testAddress(deps: AppDeps, request: RequestContext, to: unknown): Promise<string> {
  if (to !== undefined) {
    if (typeof to === 'string' && /^[^\s@]+@[^\s@]+$/.test(to) && to.length <= 254) return to;
    throw new AppError('invalid_request', 'to must be an e-mail address', {}, [
      { property: '.to', message: 'an e-mail address' },
    ]);
  }
  const own = (await deps.store.users.get(request.principal.userId))?.email;
  if (own) return own;
  throw new AppError('invalid_request', 'Give an address: the caller has none', {}, [
    { property: '.to', message: 'an e-mail address is required (you have none)' },
  ]);
}

/**
 * Sends a test message over the channel `channelId` (turned off or not) and answers the outcome;
 * a receiver's refusal is an answer, not an error.
 * @throws not_found (company or channel), forbidden unless the company's administrator,
 *   invalid_request (`.to`) for an e-mail channel without an address to send to
 */
export async function testChannel(
  deps: AppDeps,
  request: RequestContext,
  companyId: string,
  channelId: string,
  to: unknown,
): Promise<ChannelTestResult> {
  const { roles } = await companyAccess(deps, request.principal, companyId);
  requireRole(roles, 'admin');
  const channel = (await deps.store.channels.get(companyId))?.channels.find(
    (c) => c.id === channelId,
  );
  if (!channel) throw notFound('channel');
  const email = channel.kind === 'email' ? await testAddress(deps, request, to) : undefined;
  if (!deps.sendDelivery) return { sent: false, error: 'this runtime sends no deliveries' };
  const at = deps.now();
  const delivery: Delivery = {
    id: deps.newId(),
    companyId,
    caseId: '',
    caseNumber: 'TEST',
    key: `test:${channel.id}`,
    channel: channel.id,
    channelKind: channel.kind,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: at,
    createdAt: at,
    message: {
      kind: 'notify',
      label: TEST_LABEL,
      reason: 'channel test',
      recipients: [
        { userId: request.principal.userId, name: request.principal.name, ...(email && { email }) },
      ],
    },
  };
  try {
    await deps.sendDelivery(delivery, channel);
    return { sent: true, at: deps.now() };
  } catch (error) {
    return {
      sent: false,
      error: (error instanceof Error ? error.message : String(error)).slice(0, 500),
    };
  }
}
