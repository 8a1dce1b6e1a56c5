/**
 * One failure of an example in words an administrator reads ("审批链：预期 业务部经理 → 副总经理，
 * 实际 业务部经理"). Making an example expect what the policy now does is the server's
 * (POST /policy/draft/examples/accept).
 */
import type { TFunction } from 'i18next';
import type { Policy } from '../../api/types.ts';
import { labelText } from '../../i18n/index.ts';

export type ReadFailure = { text: string };

function parse(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
}

export function readFailure(
  failure: string,
  policy: Policy,
  lang: string,
  t: TFunction<'policy'>,
): ReadFailure {
  const role = (id: unknown) => labelText(policy.roles[String(id)]?.label, lang) || String(id);
  const state = (id: unknown) =>
    labelText(policy.workflow.states[String(id)]?.label, lang) || String(id);
  const chain = (value: unknown) =>
    Array.isArray(value) ? value.map(role).join(' → ') : t('examples.none');
  const differ = /^(approver chain|state|number|category (\S+)): expected (.*), got (.*)$/.exec(
    failure,
  );
  if (differ) {
    const [, what = '', dimension, expectedJson = '', actualJson = ''] = differ;
    const expected = parse(expectedJson);
    const actual = parse(actualJson);
    if (what === 'approver chain')
      return {
        text: t('examples.chainDiffers', { expected: chain(expected), actual: chain(actual) }),
      };
    if (what === 'state')
      return {
        text: t('examples.stateDiffers', { expected: state(expected), actual: state(actual) }),
      };
    if (what === 'number')
      return {
        text: t('examples.numberDiffers', { expected: String(expected), actual: String(actual) }),
      };
    if (dimension) {
      const definition = policy.categories[dimension];
      const value = (v: unknown) =>
        v === null
          ? t('examples.none')
          : labelText(definition?.values[String(v)]?.label, lang) || String(v);
      return {
        text: t('examples.categoryDiffers', {
          dimension: labelText(definition?.label, lang) || dimension,
          expected: value(expected),
          actual: value(actual),
        }),
      };
    }
  }
  const step = /^step (\d+): ([a-z_]+): (.*)$/.exec(failure);
  if (step)
    return { text: t('examples.stepFailed', { step: step[1], code: step[2], message: step[3] }) };
  const noError = /^expected error (\S+), but every step succeeded$/.exec(failure);
  if (noError) return { text: t('examples.errorExpected', { code: noError[1] }) };
  const flag = /^flag (\S+) was (not )?raised$/.exec(failure);
  if (flag)
    return { text: t(flag[2] ? 'examples.flagMissing' : 'examples.flagRaised', { flag: flag[1] }) };
  const notified = /^(\S+) was not notified$/.exec(failure);
  if (notified) return { text: t('examples.notNotified', { role: role(notified[1]) }) };
  const clock = /^clock (\S+) due: expected (\S+), got (\S+)$/.exec(failure);
  if (clock) {
    const [, id = '', , actual = ''] = clock;
    return {
      text: t('examples.dueDiffers', {
        clock: labelText(policy.clocks[id]?.label, lang) || id,
        expected: clock[2],
        actual,
      }),
    };
  }
  return { text: failure };
}
