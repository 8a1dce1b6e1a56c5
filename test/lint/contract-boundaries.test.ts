import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/policies.ts';

// The API contract is shared by the server and the studio: types only, over the domain only.
const eslint = new ESLint({ cwd: ROOT });

async function ruleIds(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}${file}` });
  return (result?.messages ?? []).map((message) => message.ruleId ?? 'parse');
}

describe('lint keeps the API contract shareable', () => {
  it.each<[string, string, string, string]>([
    [
      'the studio importing a value from the contract',
      "import { ROUTES } from '@contract';\nexport const x = ROUTES;\n",
      'studio/src/x.ts',
      '@typescript-eslint/no-restricted-imports',
    ],
    [
      'the studio reaching the contract by a relative path',
      "import type { CaseAnswer } from '../../server/http/contract/index.ts';\nexport type X = CaseAnswer;\n",
      'studio/src/x.ts',
      'no-restricted-imports',
    ],
    [
      'the contract importing a use case',
      "import type { CaseView } from '../../app/cases/cases.ts';\nexport type X = CaseView;\n",
      'server/http/contract/x.ts',
      'no-restricted-imports',
    ],
    [
      'the contract importing a presenter',
      "import type { presentCase } from '../presenters/index.ts';\nexport type X = typeof presentCase;\n",
      'server/http/contract/x.ts',
      'no-restricted-imports',
    ],
    [
      'the contract holding a value',
      'export const limit = 500;\n',
      'server/http/contract/x.ts',
      'no-restricted-syntax',
    ],
  ])('refuses %s', async (_description, code, file, rule) => {
    expect(await ruleIds(code, file)).toContain(rule);
  });

  it('allows the studio to import the contract as types', async () => {
    expect(
      await ruleIds(
        "import type { CaseAnswer } from '@contract';\nexport type X = CaseAnswer;\n",
        'studio/src/x.ts',
      ),
    ).toEqual([]);
  });

  it('allows the contract to import domain types', async () => {
    expect(
      await ruleIds(
        "import type { Case } from '../../domain/case/index.ts';\nexport type X = Case;\n",
        'server/http/contract/x.ts',
      ),
    ).toEqual([]);
  });
});
