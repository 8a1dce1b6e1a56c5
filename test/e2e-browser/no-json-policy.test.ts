/**
 * One story in order: an administrator who writes no JSON adds a whole new kind of case to the
 * policy in the studio, in headless Chromium against the real server — a yes/no intake field
 * 媒体已介入, a category dimension 媒体介入 with two values, a rule built in the rule builder that
 * sets it from the field, a decision table whose row routes media cases to a new role 媒体专员, and
 * a new clock of 2 working hours started for media cases — then publishes. Staff register such a
 * case through the generated form and the case page shows the new role, the clock and the reason.
 * Every page is saved as a screenshot in zh-CN and in English (test-results/screenshots/walk-*).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_TOKEN,
  SCREENSHOTS,
  missingPrerequisite,
  openHarness,
  type Harness,
} from './browser.ts';
import { fillComplaint, studioApi, type Json } from './studio-api.ts';

const missing = missingPrerequisite();
if (missing) console.warn(`Skipping the no-JSON policy walk in the browser: ${missing}`);

describe.skipIf(missing !== null)('a policy change made without JSON, in Chromium', () => {
  let h: Harness;
  let caseId = '';
  let salesToken = '';
  const { api, signIn } = studioApi(
    () => h,
    () => caseId,
  );

  /** The draft as stored. */
  const draft = async () =>
    (await api('GET', '/companies/demo/policy/draft', ADMIN_TOKEN)).document as Json;

  /** Waits until the studio says the draft is saved. */
  const saved = async () => {
    await h.page.getByText('草稿已保存').first().waitFor({ timeout: 30_000 });
  };

  beforeAll(async () => {
    h = await openHarness();
    const sales = await api('POST', '/companies/demo/users', ADMIN_TOKEN, {
      name: '张伟',
      roles: ['sales'],
    });
    salesToken = (await api('POST', `/users/${sales.id}/tokens`, ADMIN_TOKEN, {})).token as string;
  });

  afterAll(async () => {
    await h?.close();
  });

  it('adds a yes/no intake field from the palette', async () => {
    const { page } = h;
    await page.goto('/');
    await signIn(ADMIN_TOKEN);
    await page.goto('/#/c/demo/policy/forms');
    const add = page.getByRole('form', { name: '添加字段' });
    await add.getByLabel('字段名称').fill('媒体已介入');
    await add.getByLabel('字段代码（英文字母）').fill('mediaReported');
    await add.getByLabel('字段类型').selectOption({ label: '是/否' });
    await add.getByRole('button', { name: '添加' }).click();
    await page.getByLabel('mediaReported 的英文名称').fill('Media already involved');
    await page.getByLabel('mediaReported 的英文名称').press('Tab');
    await saved();
    await expect
      .poll(async () => {
        const intake = ((await draft()).forms as Json).intake as { schema: Json };
        return (intake.schema.properties as Json).mediaReported;
      })
      .toMatchObject({ type: 'boolean', title: '媒体已介入' });
    await h.shot('walk-01-forms');
  });

  it('adds the category 媒体介入 with two values', async () => {
    const { page } = h;
    await page.goto('/#/c/demo/policy/categories');
    await page.getByTestId('add-dimension-zh').fill('媒体介入');
    await page.getByTestId('add-dimension-en').fill('Media involvement');
    await page.getByTestId('add-dimension-submit').click();
    const card = page.getByTestId('category-mediaInvolvement');
    for (const [zh, en] of [
      ['是', 'Yes'],
      ['否', 'No'],
    ] as const) {
      await card.getByTestId('category-mediaInvolvement-new-zh').fill(zh);
      await card.getByTestId('category-mediaInvolvement-new-en').fill(en);
      await card.getByTestId('category-mediaInvolvement-add-value').click();
    }
    await saved();
    await expect
      .poll(async () => ((await draft()).categories as Json).mediaInvolvement)
      .toMatchObject({ values: { yes: {}, no: {} } });
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/walk-02-categories.png` });
  });

  it('adds the role 媒体专员', async () => {
    const { page } = h;
    await page.goto('/#/c/demo/policy/approvals');
    await page.getByTestId('add-role-zh').fill('媒体专员');
    await page.getByTestId('add-role-en').fill('Media officer');
    await page.getByTestId('add-role-id').fill('mediaOfficer');
    await page.getByTestId('add-role-submit').click();
    await saved();
    await expect
      .poll(async () => ((await draft()).roles as Json).mediaOfficer)
      .toMatchObject({ label: { 'zh-CN': '媒体专员', en: 'Media officer' } });
    await h.shot('walk-03-roles');
  });

  it('builds the rule “媒体已介入 → 媒体介入 = 是” in the rule builder', async () => {
    const { page } = h;
    await page.goto('/#/c/demo/policy/rules');
    const set = page.getByTestId('policy-ruleset-severity');
    await set.getByRole('button', { name: '添加规则' }).click();
    // Rules open one at a time: the new one is the open one.
    await set.getByRole('textbox', { name: '规则名称' }).fill('mediaReportedIsMedia');
    const rule = set.getByRole('region', { name: '规则 mediaReportedIsMedia', exact: true });
    await rule.getByRole('button', { name: '+ 条件', exact: true }).click();
    await rule
      .getByRole('combobox', { name: '条件字段', exact: true })
      .selectOption({ label: '媒体已介入' });
    await rule.getByRole('combobox', { name: '值', exact: true }).selectOption({ label: '是' });
    await rule
      .getByRole('combobox', { name: 'mediaReportedIsMedia 动作' })
      .selectOption({ label: '设定分类' });
    await rule
      .getByRole('combobox', { name: 'mediaReportedIsMedia 分类维度' })
      .selectOption({ label: '媒体介入' });
    await rule
      .getByRole('combobox', { name: 'mediaReportedIsMedia 分类值' })
      .selectOption({ label: '是' });
    await expect
      .poll(async () => {
        const sets = (await draft()).ruleSets as { id: string; rules: Json[] }[];
        return sets.find((s) => s.id === 'severity')?.rules.at(-1);
      })
      .toEqual({
        name: 'mediaReportedIsMedia',
        conditions: {
          all: [{ fact: 'intake', path: '$.mediaReported', operator: 'equal', value: true }],
        },
        event: { type: 'setCategory', params: { dimension: 'mediaInvolvement', value: 'yes' } },
      });
    await rule.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/walk-04-rule-builder.png` });
  });

  it('routes media cases to 媒体专员 in a decision table', async () => {
    const { page } = h;
    const add = page.getByRole('form', { name: '添加决策表' });
    await add.getByRole('textbox', { name: '决策表代码' }).fill('mediaRouting');
    await add.getByRole('button', { name: '添加决策表' }).click();
    const set = page.getByTestId('policy-ruleset-mediaRouting');
    await set.getByRole('textbox', { name: '规则集名称 中文名称' }).fill('媒体案件分派');
    await set.getByRole('textbox', { name: '规则集名称 英文名称' }).fill('Media case routing');
    await set.getByRole('button', { name: '添加条件列' }).click();
    await set
      .getByRole('combobox', { name: '条件列 1' })
      .selectOption({ label: '分类 · 媒体介入' });
    await set.getByRole('button', { name: '添加行' }).click();
    await set
      .getByRole('combobox', { name: '第 1 行 条件列 1 媒体介入 运算符' })
      .selectOption({ label: '等于' });
    await set
      .getByRole('combobox', { name: '第 1 行 条件列 1 媒体介入', exact: true })
      .selectOption({ label: '是' });
    await set.getByRole('combobox', { name: '第 1 行 动作' }).selectOption({ label: '指派' });
    await set.getByRole('combobox', { name: '第 1 行 角色' }).selectOption({ label: '媒体专员' });
    await expect
      .poll(async () => {
        const sets = (await draft()).ruleSets as { id: string; rules: Json[] }[];
        return sets.find((s) => s.id === 'mediaRouting')?.rules[0]?.event;
      })
      .toEqual({ type: 'assign', params: { role: 'mediaOfficer' } });
    await set.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/walk-05-decision-table.png` });
  });

  it('adds a clock of 2 working hours started for media cases', async () => {
    const { page } = h;
    await page.goto('/#/c/demo/policy/deadlines');
    const form = page.getByRole('form', { name: '添加计时器' });
    await form.getByLabel('新计时器 中文名称').fill('媒体回应');
    await form.getByLabel('新计时器 英文名称').fill('Media response');
    await form.getByLabel('计时器代码（英文字母开头）').fill('mediaResponse');
    await form.getByLabel('新计时器 时长数值').fill('2');
    await form.getByLabel('新计时器 时长单位').selectOption({ label: '小时' });
    await form
      .getByLabel('新计时器 何时开始')
      .selectOption({ label: '媒体介入为「是」的案件立案时' });
    await form.getByRole('button', { name: '添加' }).click();
    await page.getByTestId('clock-mediaResponse').waitFor();
    await expect
      .poll(async () => ((await draft()).clocks as Json).mediaResponse)
      .toMatchObject({ duration: { amount: 2, unit: 'workingHours' } });
    await page.getByTestId('clock-mediaResponse').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/walk-06-clock.png` });
  });

  it('publishes the change with a clean check and passing examples', async () => {
    const { page } = h;
    await page.goto('/#/c/demo/policy/publish');
    await page
      .getByTestId('publish-note')
      .fill('新增媒体介入分类、媒体专员分派与2个工作小时的媒体回应时限');
    await page.getByTestId('publish-button').click();
    await page
      .getByTestId('publish-result')
      .or(page.getByRole('alert'))
      .first()
      .waitFor({ timeout: 60_000 });
    await h.shot('walk-07-published');
    expect(await page.getByRole('alert').count()).toBe(0);
    const versions = (await api('GET', '/companies/demo/policy/versions', ADMIN_TOKEN))
      .items as Json[];
    expect(versions.map((v) => v.number)).toEqual([1, 2]);
  });

  it('shows the policy pages it changed in English', async () => {
    const { page } = h;
    await page.getByRole('combobox', { name: '语言' }).selectOption('en');
    for (const section of ['forms', 'categories', 'approvals', 'rules', 'deadlines', 'publish']) {
      await page.goto(`/#/c/demo/policy/${section}`);
      await page.waitForLoadState('networkidle');
      await h.shot(`walk-11-${section}-en`);
    }
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await page.getByRole('button', { name: '退出登录' }).waitFor();
  });

  it('lets staff register a media case and shows the new role, the clock and the reason', async () => {
    const { page } = h;
    await signIn(salesToken);
    await page.goto('/#/c/demo/new');
    await page.locator('#root_customer_company').waitFor();
    await fillComplaint(page, '客户称已向本地电视台反映线路板批量不良。', 800);
    await page.locator('#root_mediaReported').check();
    await h.shot('walk-08-new-media-case');
    await page.getByRole('button', { name: '提交登记' }).click();
    await page.waitForURL(/#\/c\/demo\/cases\/[^/?]+/);
    await page.getByTestId('case-number').waitFor();
    caseId = /cases\/([^/?]+)/.exec(page.url())?.[1] ?? '';
    expect(await page.getByTestId('case-categories').textContent()).toContain('媒体介入');
    expect(await page.getByTestId('case-assignee').textContent()).toContain('媒体专员');
    const clocks = page.getByRole('region', { name: '时限', exact: true });
    await expect.poll(async () => (await clocks.textContent()) ?? '').toContain('媒体回应');
    const decisions = page.getByRole('region', { name: '判定与依据' });
    await expect
      .poll(async () => (await decisions.textContent()) ?? '')
      .toMatch(/指派给 媒体专员\s+决策表 媒体案件分派 第 1 行/);
    await h.shot('walk-09-case');
    await decisions.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/walk-09-case-decisions.png` });
    const stored = await api('GET', `/companies/demo/cases/${caseId}`, ADMIN_TOKEN);
    const c = stored.case as { categories: Json; assignee: Json; clocks: Json[] };
    expect(c.categories.mediaInvolvement).toBe('yes');
    expect(c.assignee.role).toBe('mediaOfficer');
  });

  it('shows the case page in English', async () => {
    const { page } = h;
    await page.getByRole('combobox', { name: '语言' }).selectOption('en');
    await page.getByTestId('case-number').waitFor();
    await h.shot('walk-10-case-en');
    await page.getByRole('region', { name: 'Decisions and why' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/walk-10-case-decisions-en.png` });
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  });
});
