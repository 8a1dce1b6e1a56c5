import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicyDocument } from '../../server/adapters/files/policy-files.ts';
import { listTemplates, RULESETS_DIR } from '../../server/adapters/files/template-library.ts';

// Every choice a form offers reads as words in both languages: the Chinese label in the
// uiSchema's ui:enumNames, the English one in i18n.en under "<path>=<value>".
type Node = { enum?: unknown[]; properties?: Record<string, Node> };
type Form = {
  schema: Node;
  uiSchema?: Record<string, unknown>;
  i18n?: { en?: Record<string, string> };
};

const HAN = /\p{Script=Han}/u;
const templates = listTemplates(RULESETS_DIR, RULESETS_DIR);

function uiAt(ui: unknown, path: string): Record<string, unknown> | undefined {
  let node = ui;
  for (const part of path.split('.').filter(Boolean))
    node = (node as Record<string, unknown> | undefined)?.[part];
  return node as Record<string, unknown> | undefined;
}

/** "form .path value: what is wrong" for every option of every choice field without both labels. */
function unlabelled(forms: Record<string, Form>): string[] {
  const out: string[] = [];
  for (const [name, form] of Object.entries(forms)) {
    const visit = (node: Node, path: string) => {
      if (Array.isArray(node.enum)) {
        const names = uiAt(form.uiSchema, path)?.['ui:enumNames'];
        node.enum.forEach((value, i) => {
          const zh = Array.isArray(names) ? names[i] : undefined;
          const en = form.i18n?.en?.[`${path}=${String(value)}`];
          if (typeof zh !== 'string' || !HAN.test(zh)) out.push(`${name} ${path} ${value}: zh-CN`);
          if (typeof en !== 'string' || !en.trim() || HAN.test(en))
            out.push(`${name} ${path} ${value}: en`);
        });
      }
      for (const [key, child] of Object.entries(node.properties ?? {}))
        visit(child, `${path}.${key}`);
    };
    visit(form.schema, '');
  }
  return out;
}

describe('choice options of the bundled templates', () => {
  it('finds the templates and their choice fields', () => {
    expect(templates.length).toBeGreaterThan(10);
  });

  it.each(templates)('$id labels every option in Chinese and English', (template) => {
    const document = loadPolicyDocument(join(RULESETS_DIR, template.path)) as {
      forms: Record<string, Form>;
    };
    expect(unlabelled(document.forms)).toEqual([]);
  });

  it('reports an option without labels (the check can fail)', () => {
    const form: Form = {
      schema: { properties: { type: { enum: ['apology', 'refund'] } } },
      uiSchema: { type: { 'ui:enumNames': ['道歉', 'refund'] } },
      i18n: { en: { '.type=apology': 'Apology' } },
    };
    expect(unlabelled({ remedy: form })).toEqual([
      'remedy .type refund: zh-CN',
      'remedy .type refund: en',
    ]);
  });
});
