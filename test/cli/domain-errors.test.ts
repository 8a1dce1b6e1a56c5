import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../server/cli/kesu.ts';

async function run(...argv: string[]) {
  const err: string[] = [];
  const code = await main(argv, { out: () => {}, err: (l) => err.push(l), env: {} });
  return { code, err };
}

describe('kesu on a refused case', () => {
  it.each<[string, string]>([
    ['en', '[form_invalid] The form has errors: '],
    ['zh-CN', '[form_invalid] 表单填写有误: '],
  ])('words the code in %s as the API does, then says which fields', async (lang, words) => {
    const file = join(mkdtempSync(join(tmpdir(), 'kesu-case-')), 'case.json');
    writeFileSync(file, JSON.stringify({ receivedAt: '2026-02-13T17:30:00+08:00', intake: {} }));
    const { code, err } = await run('explain', 'manufacturing-quality', file, '--lang', lang);
    expect(code).toBe(2);
    expect(err[0]?.startsWith(words)).toBe(true);
    expect(err.length).toBeGreaterThan(1);
  });
});
