import { describe, expect, it } from 'vitest';
import type { DomainError } from '../../../server/domain/errors.ts';
import {
  inheritanceReport,
  resolveExtends,
  templateVersion,
  toExtendsForm,
} from '../../../server/domain/policy/inheritance.ts';
import { applyOverrides } from '../../../server/domain/policy/overrides.ts';
import { get, keysAt } from '../../support/json-path.ts';
import { buildPolicy } from '../../support/policies.ts';

type Json = Record<string, unknown>;
const template = () => buildPolicy() as unknown as Json;
const ref = { template: 'starter', version: 'v1' };
const extending = (overrides: Json) => ({ extends: ref, ...overrides });

describe('resolveExtends: the override rules', () => {
  it.each([
    {
      rule: 'an object merges key by key',
      overrides: { roles: { supervisor: { authorityLimit: 2000 } } },
      read: (p: unknown) => [
        get(p, 'roles.supervisor.authorityLimit'),
        get(p, 'roles.supervisor.label.en'),
      ],
      want: [2000, 'Service supervisor'],
    },
    {
      rule: '{"$remove": true} removes a key',
      overrides: { categories: { severity: { values: { major: { $remove: true } } } } },
      read: (p: unknown) => Object.keys(get(p, 'categories.severity.values') as Json),
      want: ['general'],
    },
    {
      rule: 'a keyed list merges by id, keeping the template order',
      overrides: { workflow: { transitions: [{ id: 'approve', roles: ['manager'] }] } },
      read: (p: unknown) => [
        keysAt(p, 'workflow.transitions'),
        get(p, 'workflow.transitions.1.roles'),
        get(p, 'workflow.transitions.1.effect'),
      ],
      want: [['propose', 'approve', 'reply', 'close', 'markInvalid'], ['manager'], 'approve'],
    },
    {
      rule: 'a new id is appended',
      overrides: { approvals: { rows: [{ id: 'huge', min: 100000, chain: ['manager'] }] } },
      read: (p: unknown) => keysAt(p, 'approvals.rows'),
      want: ['upTo1000', 'from1000', 'huge'],
    },
    {
      rule: '{"id", "$remove": true} removes an item',
      overrides: { workflow: { transitions: [{ id: 'markInvalid', $remove: true }] } },
      read: (p: unknown) => keysAt(p, 'workflow.transitions'),
      want: ['propose', 'approve', 'reply', 'close'],
    },
    {
      rule: 'rules merge by name',
      overrides: {
        ruleSets: [{ id: 'triage', rules: [{ name: 'largeClaimIsMajor', priority: 99 }] }],
      },
      read: (p: unknown) => [
        keysAt(p, 'ruleSets.0.rules', 'name'),
        keysAt(p, 'ruleSets.0.rules', 'priority'),
      ],
      want: [
        ['largeClaimIsMajor', 'majorGoesToManager'],
        [99, 1],
      ],
    },
    {
      rule: 'a duration is replaced whole',
      overrides: { clocks: { reply: { duration: { amount: 24, unit: 'hours' } } } },
      read: (p: unknown) => get(p, 'clocks.reply.duration'),
      want: { amount: 24, unit: 'hours' },
    },
    {
      rule: 'a list without keys is replaced',
      overrides: { categories: { severity: { setBy: ['staff'] } } },
      read: (p: unknown) => get(p, 'categories.severity.setBy'),
      want: ['staff'],
    },
    {
      rule: 'clock levels merge by level',
      overrides: { clocks: { reply: { warnings: [{ level: 1, atFraction: 0.5 }] } } },
      read: (p: unknown) => [
        get(p, 'clocks.reply.warnings.0.atFraction'),
        get(p, 'clocks.reply.warnings.0.actions'),
      ],
      want: [0.5, [{ type: 'remind' }]],
    },
  ])('$rule', ({ overrides, read, want }) => {
    const resolved = resolveExtends(template(), extending(overrides));
    expect(read(resolved)).toEqual(want);
    expect(resolved).not.toHaveProperty('extends');
  });

  it.each([
    {
      problem: 'removing what the template does not have',
      overrides: { forms: { nothing: { $remove: true } } },
      property: '.forms.nothing',
    },
    {
      problem: 'a keyed list given as an object',
      overrides: { workflow: { transitions: { close: {} } } },
      property: '.workflow.transitions',
    },
    {
      problem: 'an item without its key',
      overrides: { approvals: { rows: [{ min: 5 }] } },
      property: '.approvals.rows.0',
    },
    {
      problem: 'removing an item that is not there',
      overrides: { examples: [{ id: 'ghost', $remove: true }] },
      property: '.examples.ghost',
    },
  ])('refuses $problem, naming it', ({ overrides, property }) => {
    const error = (() => {
      try {
        resolveExtends(template(), extending(overrides));
      } catch (caught) {
        return caught as DomainError;
      }
    })();
    expect(error?.code).toBe('override_invalid');
    expect(error?.fieldErrors.map((f) => f.property)).toEqual([property]);
  });

  it('refuses an extends reference without a version', () => {
    expect(() => resolveExtends(template(), { extends: { template: 'starter' } })).toThrow(
      /extends.version/,
    );
  });
});

describe('toExtendsForm', () => {
  it('turns a full policy into the smallest overrides that resolve back to it', () => {
    const full = buildPolicy((p) => {
      p.id = 'acme';
      p.roles.supervisor!.authorityLimit = 2000;
      p.approvals.rows[0]!.max = 2000;
      p.approvals.rows[1]!.min = 2000;
      delete p.categories.severity!.values.major;
      p.workflow.transitions = p.workflow.transitions.filter((t) => t.id !== 'markInvalid');
      p.examples.push({ ...structuredClone(p.examples[0]!), id: 'another' });
    }) as unknown as Json;
    const form = toExtendsForm(full, template(), ref);
    expect(form).toEqual({
      extends: ref,
      id: 'acme',
      roles: { supervisor: { authorityLimit: 2000 } },
      categories: { severity: { values: { major: { $remove: true } } } },
      workflow: { transitions: [{ id: 'markInvalid', $remove: true }] },
      approvals: {
        rows: [
          { id: 'upTo1000', max: 2000 },
          { id: 'from1000', min: 2000 },
        ],
      },
      examples: [{ ...(full.examples as Json[]).at(-1) }],
    });
    const { $schema: _schema, ...body } = full;
    expect(resolveExtends(template(), form)).toEqual(body);
  });

  it('of the template itself is the reference alone', () => {
    expect(toExtendsForm(template(), template(), ref)).toEqual({ extends: ref });
  });
});

describe('inheritanceReport', () => {
  it('says of every part whether it is inherited, overridden, added or removed', () => {
    const document = extending({
      clocks: { reply: { duration: { amount: 1, unit: 'workingDays' } } },
      workflow: {
        states: { archived: { label: { 'zh-CN': '已归档' }, terminal: 'closed' } },
        transitions: [{ id: 'markInvalid', $remove: true }],
      },
    });
    const resolved = resolveExtends(template(), document);
    const report = inheritanceReport(template(), document, resolved);
    const byPath = Object.fromEntries(report.map((part) => [part.path, part]));
    expect(byPath['/clocks/reply']).toEqual({
      path: '/clocks/reply',
      status: 'overridden',
      changes: ['/clocks/reply/duration'],
    });
    expect(byPath['/workflow/states/archived']?.status).toBe('added');
    expect(byPath['/workflow/transitions/markInvalid']?.status).toBe('removed');
    expect(byPath['/roles/supervisor']?.status).toBe('inherited');
    expect(byPath['/numbering']?.status).toBe('inherited');
    expect(report.filter((part) => part.status !== 'inherited')).toHaveLength(3);
  });
});

describe('templateVersion', () => {
  it('is the version field when there is one, else a hash that ignores key order', () => {
    expect(templateVersion({ version: '2026.1', id: 'x' })).toBe('2026.1');
    const a = templateVersion({ id: 'x', title: { en: 'A', 'zh-CN': '甲' } });
    expect(a).toMatch(/^h-[0-9a-f]{28}$/);
    expect(templateVersion({ title: { 'zh-CN': '甲', en: 'A' }, id: 'x' })).toBe(a);
    expect(templateVersion({ id: 'x', title: { en: 'B', 'zh-CN': '甲' } })).not.toBe(a);
  });
});

it('applyOverrides leaves its inputs unchanged', () => {
  const base = template();
  const before = JSON.stringify(base);
  applyOverrides(base, { roles: { clerk: { label: { en: 'Clerk' } } } });
  expect(JSON.stringify(base)).toBe(before);
});
