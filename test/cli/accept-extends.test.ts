import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../server/cli/kesu.ts';

async function run(...argv: string[]) {
  const out: string[] = [];
  const code = await main([...argv, '--lang', 'en'], {
    out: (l) => out.push(l),
    err: (l) => out.push(l),
    env: {},
  });
  return { code, out: out.join('\n') };
}

describe('kesu test --accept on a policy that extends a template', () => {
  it('keeps the accepted example as an override in policy.json, as the server keeps it in the draft', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'kesu-accept-ext-')), 'acme');
    await run('new', 'starter', dir, '--extends');
    const file = join(dir, 'policy.json');
    const policy = JSON.parse(readFileSync(file, 'utf8'));
    policy.clocks = { reply: { duration: { amount: 1, unit: 'workingDays' } } };
    writeFileSync(file, JSON.stringify(policy, null, 2) + '\n');
    expect((await run('test', dir)).out).toMatch(/^3 passed, 1 failed$/m);

    const accepted = await run('test', dir, '--accept');
    expect(accepted.out.split('\n')).toEqual([
      '✓ accepted example smallClaim Small claim: the supervisor approves alone:',
      '    clock Reply deadline due: 2026-03-04 10:00:00+08:00 → 2026-03-03 10:00:00+08:00',
      'Written: policy.json',
    ]);
    expect(readdirSync(dir).sort()).toEqual(['policy.json', 'template-base.json']);
    const written = JSON.parse(readFileSync(file, 'utf8'));
    expect(Object.keys(written)).toEqual(['extends', 'id', 'clocks', 'examples']);
    expect(written.examples.map((e: { id: string }) => e.id)).toEqual(['smallClaim']);
    expect((await run('test', dir)).out).toMatch(/^4 passed, 0 failed$/m);
    expect((await run('test', dir, '--accept')).out).toBe('No example fails: nothing to accept');
  });
});
