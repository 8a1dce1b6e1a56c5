import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/policies.ts';

// The import boundaries of STYLE.md are lint rules; these cases prove the rules bite.
const eslint = new ESLint({ cwd: ROOT });

async function ruleIds(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}${file}` });
  return (result?.messages ?? []).map((message) => message.ruleId ?? 'parse');
}

describe('lint keeps server/domain pure', () => {
  it.each<[string, string, string, string]>([
    [
      'file I/O',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
      'server/domain/x.ts',
      'no-restricted-imports',
    ],
    [
      'HTTP',
      "import { Hono } from 'hono';\nexport const x = Hono;\n",
      'server/domain/x.ts',
      'no-restricted-imports',
    ],
    [
      'storage',
      "import { Low } from 'lowdb';\nexport const x = Low;\n",
      'server/domain/x.ts',
      'no-restricted-imports',
    ],
    [
      'the clock',
      'export const now = () => Date.now();\n',
      'server/domain/x.ts',
      'no-restricted-syntax',
    ],
    [
      'a clock through new Date()',
      'export const now = () => new Date();\n',
      'server/domain/x.ts',
      'no-restricted-syntax',
    ],
    [
      'randomness',
      'export const id = () => Math.random();\n',
      'server/domain/x.ts',
      'no-restricted-syntax',
    ],
    [
      'the environment',
      'export const home = () => process.env.HOME;\n',
      'server/domain/x.ts',
      'no-restricted-syntax',
    ],
    [
      'json-rules-engine outside its one module',
      "import { Engine } from 'json-rules-engine';\nexport const x = Engine;\n",
      'server/domain/x.ts',
      'no-restricted-imports',
    ],
    [
      'an adapter',
      "import { createAjvValidator } from '../adapters/validation/ajv-validator.ts';\nexport const x = createAjvValidator;\n",
      'server/domain/x.ts',
      'no-restricted-imports',
    ],
    [
      'app importing an adapter',
      "import { createAjvValidator } from '../adapters/validation/ajv-validator.ts';\nexport const x = createAjvValidator;\n",
      'server/app/x.ts',
      'no-restricted-imports',
    ],
    [
      'http importing an adapter',
      "import { createAjvValidator } from '../adapters/validation/ajv-validator.ts';\nexport const x = createAjvValidator;\n",
      'server/http/x.ts',
      'no-restricted-imports',
    ],
  ])('refuses %s', async (_description, code, file, rule) => {
    expect(await ruleIds(code, file)).toContain(rule);
  });

  it('allows time that comes in as an argument', async () => {
    expect(
      await ruleIds(
        'export const at = (ms: number) => new Date(ms).toISOString();\n',
        'server/domain/x.ts',
      ),
    ).toEqual([]);
  });

  it('allows the one rules-engine module to use json-rules-engine', async () => {
    expect(
      await ruleIds(
        "import { Engine } from 'json-rules-engine';\nexport const x = Engine;\n",
        'server/domain/rules/rules-engine.ts',
      ),
    ).toEqual([]);
  });
});
