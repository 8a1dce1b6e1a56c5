/**
 * A company's delivery channels, set by its administrator: read without their secrets (passwords,
 * signing secrets, and the robot URLs that carry a token), replaced whole; a channel given again
 * under its id without a secret or URL keeps the stored one.
 */
import { companyAccess, requireRole } from '../access.ts';
import { AppError } from '../app-error.ts';
import type { AppDeps, RequestContext } from '../ports/deps.ts';
import type { Channel, ChannelKind, ChannelNaming, CompanyChannels } from '../ports/outbox.ts';

/** A channel as the administrator reads it: what it is, never a secret. */
export type ChannelView = {
  id: string;
  kind: ChannelKind;
  name?: string;
  /** False when the administrator has turned it off: nothing new is queued for it. */
  enabled: boolean;
  /** The address without its credentials (query and, for Feishu, the hook token masked). */
  url?: string;
  host?: string;
  port?: number;
  secure?: boolean;
  user?: string;
  from?: string;
  hasSecret?: boolean;
  hasPassword?: boolean;
};

const KINDS: ChannelKind[] = ['email', 'webhook', 'dingtalk', 'wecom', 'feishu'];
const ID = /^[a-z0-9][a-z0-9_-]{0,39}$/i;
const MAX_CHANNELS = 20;

/** The URL without what gives access: the query, and a Feishu hook's last path segment. */
export function maskedUrl(url: string, kind: ChannelKind): string {
  const parsed = new URL(url);
  const path = kind === 'feishu' ? parsed.pathname.replace(/[^/]+$/, '…') : parsed.pathname;
  return `${parsed.origin}${path}${parsed.search ? '?…' : ''}`;
}

/** A channel without its secrets. */
export function channelView(channel: Channel): ChannelView {
  if (channel.kind === 'email') {
    const { password, ...rest } = channel;
    return {
      ...rest,
      enabled: channel.enabled !== false,
      hasPassword: password !== undefined && password !== '',
    };
  }
  const secret = 'secret' in channel ? channel.secret : undefined;
  return {
    id: channel.id,
    kind: channel.kind,
    ...(channel.name ? { name: channel.name } : {}),
    enabled: channel.enabled !== false,
    url: maskedUrl(channel.url, channel.kind),
    ...(channel.kind === 'wecom' ? {} : { hasSecret: secret !== undefined && secret !== '' }),
  };
}

/**
 * The company's channels without secrets (none set: an empty list).
 * @throws not_found, forbidden unless the caller is the company's administrator
 */
export async function readChannels(
  deps: AppDeps,
  request: RequestContext,
  companyId: string,
): Promise<ChannelView[]> {
  const { roles } = await companyAccess(deps, request.principal, companyId);
  requireRole(roles, 'admin');
  return ((await deps.store.channels.get(companyId))?.channels ?? []).map(channelView);
}

type Problems = { property: string; message: string }[];

function text(raw: Record<string, unknown>, key: string, at: string, problems: Problems) {
  const value = raw[key];
  if (value === undefined) return undefined;
  if (typeof value === 'string' && value !== '' && value.length <= 2000) return value;
  problems.push({ property: `${at}.${key}`, message: 'must be a non-empty string' });
  return undefined;
}

function httpUrl(value: string | undefined, at: string, problems: Problems) {
  if (value === undefined) return;
  try {
    if (['http:', 'https:'].includes(new URL(value).protocol)) return;
  } catch {
    // Reported below.
  }
  problems.push({ property: `${at}.url`, message: 'must be an http(s) URL' });
}

/** The id, the name for people (up to 80 characters) and `enabled: false` of a channel's body. */
function namingOf(
  body: Record<string, unknown>,
  id: string,
  at: string,
  problems: Problems,
): ChannelNaming {
  const name = text(body, 'name', at, problems);
  if (name !== undefined && name.length > 80)
    problems.push({ property: `${at}.name`, message: 'up to 80 characters' });
  if (body.enabled !== undefined && typeof body.enabled !== 'boolean')
    problems.push({ property: `${at}.enabled`, message: 'true or false' });
  return { id, ...(name ? { name } : {}), ...(body.enabled === false ? { enabled: false } : {}) };
}

/** One channel of the body, its omitted secrets and URL taken from the stored one. */
function parseChannel(
  raw: unknown,
  at: string,
  stored: Channel | undefined,
  problems: Problems,
): Channel | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ property: at, message: 'must be an object' });
    return undefined;
  }
  const body = raw as Record<string, unknown>;
  const id = text(body, 'id', at, problems);
  const kind = body.kind as ChannelKind;
  if (!id || !ID.test(id))
    problems.push({ property: `${at}.id`, message: 'letters, digits, - and _, up to 40' });
  if (!KINDS.includes(kind)) {
    problems.push({ property: `${at}.kind`, message: `one of ${KINDS.join(', ')}` });
    return undefined;
  }
  const same = stored?.kind === kind ? stored : undefined;
  const naming = namingOf(body, id ?? '', at, problems);
  const keep = <K extends string>(key: K) =>
    text(body, key, at, problems) ??
    ((same as Record<string, unknown> | undefined)?.[key] as string | undefined);
  if (kind === 'email') {
    const host = text(body, 'host', at, problems);
    const from = text(body, 'from', at, problems);
    const port = body.port;
    if (!host) problems.push({ property: `${at}.host`, message: 'required' });
    if (!from || !from.includes('@'))
      problems.push({ property: `${at}.from`, message: 'an e-mail address is required' });
    if (!Number.isInteger(port) || (port as number) < 1 || (port as number) > 65535)
      problems.push({ property: `${at}.port`, message: 'a port from 1 to 65535' });
    if (body.secure !== undefined && typeof body.secure !== 'boolean')
      problems.push({ property: `${at}.secure`, message: 'true or false' });
    const user = text(body, 'user', at, problems);
    const password = keep('password');
    return {
      ...naming,
      kind,
      host: host ?? '',
      port: port as number,
      from: from ?? '',
      ...(body.secure !== undefined ? { secure: body.secure as boolean } : {}),
      ...(user ? { user } : {}),
      ...(user && password ? { password } : {}),
    };
  }
  const url = keep('url');
  if (!url) problems.push({ property: `${at}.url`, message: 'required' });
  httpUrl(url, at, problems);
  if (kind === 'wecom') return { ...naming, kind, url: url ?? '' };
  const secret = keep('secret');
  if (kind === 'webhook') {
    if (!secret) problems.push({ property: `${at}.secret`, message: 'required to sign' });
    return { ...naming, kind, url: url ?? '', secret: secret ?? '' };
  }
  return { ...naming, kind, url: url ?? '', ...(secret ? { secret } : {}) };
}

/**
 * Replaces the company's channels; answers them without secrets.
 * @throws not_found, forbidden (not the company's administrator), invalid_request naming each bad
 *   field (`.channels[1].url`)
 */
export async function saveChannels(
  deps: AppDeps,
  request: RequestContext,
  companyId: string,
  raw: unknown,
): Promise<ChannelView[]> {
  const { roles } = await companyAccess(deps, request.principal, companyId);
  requireRole(roles, 'admin');
  const problems: Problems = [];
  if (!Array.isArray(raw) || raw.length > MAX_CHANNELS) {
    throw new AppError(
      'invalid_request',
      `channels must be a list of at most ${MAX_CHANNELS}`,
      {},
      [{ property: '.channels', message: `a list of at most ${MAX_CHANNELS} channels` }],
    );
  }
  const stored = (await deps.store.channels.get(companyId))?.channels ?? [];
  const channels = raw.flatMap((item, index) => {
    const id = (item as { id?: unknown } | null)?.id;
    const before = stored.find((c) => c.id === id);
    const parsed = parseChannel(item, `.channels[${index}]`, before, problems);
    return parsed ? [parsed] : [];
  });
  const ids = channels.map((c) => c.id);
  ids.forEach((id, index) => {
    if (ids.indexOf(id) !== index)
      problems.push({ property: `.channels[${index}].id`, message: `id ${id} is used twice` });
  });
  if (problems.length > 0)
    throw new AppError('invalid_request', 'The channels are not valid', {}, problems);
  const settings: CompanyChannels = {
    companyId,
    channels,
    updatedAt: deps.now(),
    updatedBy: request.principal.userId,
  };
  await deps.store.channels.save(settings);
  return channels.map(channelView);
}
