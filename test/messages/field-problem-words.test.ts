// Every English phrase the server writes for a bad request field has its Chinese: the phrases are
// read from the server's sources (fieldErrors objects and the helpers that build them), so a new
// phrase without its translation fails here.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  chineseOfFieldPhrase,
  fieldProblemIn,
} from '../../server/http/messages/field-problem-words.ts';
import { ROOT } from '../support/policies.ts';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** The literal phrases (and template phrases with their parts filled in) the server writes. */
function phrasesInSources(): string[] {
  const found = new Set<string>();
  const literal =
    /(?:message: |(?:invalid|invalidField|problem)\((?:'[^']*'|`[^`]*`), )(['`])(.*?)\1/g;
  for (const file of sources(join(ROOT, 'server'))) {
    if (file.includes('/messages/')) continue;
    for (const match of readFileSync(file, 'utf8').matchAll(literal)) {
      const text = match[2] ?? '';
      // A template's parts become a sample value: ${n} → 12, a list → "a, b".
      found.add(text.replace(/\$\{[^}]*join[^}]*\}/g, 'a, b').replace(/\$\{[^}]*\}/g, '12'));
    }
  }
  return [...found].filter((text) => /^[\x20-\x7e–]+$/.test(text));
}

describe('field problems in the caller’s language', () => {
  it('finds the server’s phrases in its sources', () => {
    const phrases = phrasesInSources();
    expect(phrases).toContain('must be a string');
    expect(phrases).toContain('wait 12 s');
    expect(phrases.length).toBeGreaterThan(40);
  });

  it.each(phrasesInSources())('has the Chinese of "%s"', (phrase) => {
    expect(chineseOfFieldPhrase(phrase)).toMatch(/[\u4e00-\u9fff]/);
  });

  it('keeps English for English callers and passes through what is already translated', () => {
    expect(fieldProblemIn('must be a string', 'en')).toBe('must be a string');
    expect(fieldProblemIn('must be a string', 'zh-CN')).toBe('须为文本');
    expect(fieldProblemIn('wait 30 s', 'zh-CN')).toBe('请 30 秒后再试');
    expect(fieldProblemIn('应当是 string 类型', 'zh-CN')).toBe('应当是 string 类型');
  });
});
