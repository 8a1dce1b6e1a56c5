/**
 * The channels page's form values and what is sent: a channel as the form holds it, the body that
 * keeps every stored secret the administrator did not type again, and the server's field errors
 * turned into the page's own words.
 */
import type { FieldError } from '../../api/client.ts';
import type { ChannelAnswer, ChannelKindAnswer } from '../../api/types.ts';

export const CHANNEL_KINDS: ChannelKindAnswer[] = [
  'email',
  'webhook',
  'dingtalk',
  'wecom',
  'feishu',
];

/** The form's values: all text, as the inputs hold them. */
export type ChannelDraft = {
  kind: ChannelKindAnswer;
  id: string;
  name: string;
  enabled: boolean;
  host: string;
  port: string;
  secure: boolean;
  user: string;
  from: string;
  url: string;
  /** Blank: keep the stored secret or password (if any). */
  secret: string;
  password: string;
};

/** An empty form for a new channel of the kind. */
export function newDraft(kind: ChannelKindAnswer): ChannelDraft {
  return {
    kind,
    id: '',
    name: '',
    enabled: true,
    host: '',
    port: kind === 'email' ? '465' : '',
    secure: true,
    user: '',
    from: '',
    url: '',
    secret: '',
    password: '',
  };
}

/** The form of a saved channel: its URL shown without credentials, its secrets blank (kept). */
export function draftOf(channel: ChannelAnswer): ChannelDraft {
  return {
    ...newDraft(channel.kind),
    id: channel.id,
    name: channel.name ?? '',
    enabled: channel.enabled,
    host: channel.host ?? '',
    port: channel.port === undefined ? '' : String(channel.port),
    secure: channel.secure ?? false,
    user: channel.user ?? '',
    from: channel.from ?? '',
    url: channel.url ?? '',
  };
}

/**
 * A saved channel as the body gives it again unchanged: without URL, secret or password, which the
 * server keeps.
 */
export function keptBody(channel: ChannelAnswer): Record<string, unknown> {
  const { hasSecret: _secret, hasPassword: _password, url: _url, ...rest } = channel;
  return rest;
}

/**
 * The body of a form: a secret or password left blank is left out (the stored one is kept), and so
 * is the URL when it is still the saved one's masked address.
 */
export function draftBody(draft: ChannelDraft, saved?: ChannelAnswer): Record<string, unknown> {
  const common = {
    id: draft.id.trim(),
    kind: draft.kind,
    ...(draft.name.trim() ? { name: draft.name.trim() } : {}),
    enabled: draft.enabled,
  };
  if (draft.kind === 'email') {
    return {
      ...common,
      host: draft.host.trim(),
      ...(draft.port.trim() ? { port: Number(draft.port) } : {}),
      secure: draft.secure,
      ...(draft.user.trim() ? { user: draft.user.trim() } : {}),
      ...(draft.password ? { password: draft.password } : {}),
      from: draft.from.trim(),
    };
  }
  const url = draft.url.trim();
  const urlChanged = !saved || saved.kind !== draft.kind || url !== saved.url;
  return {
    ...common,
    ...(urlChanged ? { url } : {}),
    ...(draft.kind !== 'wecom' && draft.secret ? { secret: draft.secret } : {}),
  };
}

/**
 * The page's message key for a server field error: by the field, and for some by what it says (in
 * English or in Chinese: the server says it in the language the page asked for).
 */
export function fieldErrorKey(field: string, message: string): string | undefined {
  switch (field) {
    case 'id':
      return /twice|用了两次/.test(message) ? 'idTaken' : 'idFormat';
    case 'name':
      return 'nameFormat';
    case 'host':
    case 'user':
    case 'password':
      return 'required';
    case 'port':
      return 'port';
    case 'from':
      return 'from';
    case 'url':
      return message === 'required' || message === '必填' ? 'required' : 'url';
    case 'secret':
      return 'secretRequired';
    case 'to':
      return /none|没有设置邮箱/.test(message) ? 'toMissing' : 'to';
    default:
      return undefined;
  }
}

/**
 * The field errors of the channel at `index` of the body sent, by field ("port"); the others (of
 * another channel, or the list) under "".
 */
export function errorsAt(fieldErrors: FieldError[], index: number): Map<string, FieldError> {
  const found = new Map<string, FieldError>();
  for (const error of fieldErrors) {
    const match = /^\.channels\[(\d+)\]\.(\w+)$/.exec(error.property);
    const field = match && Number(match[1]) === index ? (match[2] as string) : '';
    if (!found.has(field)) found.set(field, error);
  }
  return found;
}
