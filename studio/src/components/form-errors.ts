/**
 * rjsf's validation messages as staff read them: a missing required field says "此项为必填" under
 * the field (ajv-i18n's "应当有必需属性 'x'" names the property, which the label above already does).
 */
import type { RJSFValidationError } from '@rjsf/utils';

export function readableErrors(lang: string) {
  return (errors: RJSFValidationError[]): RJSFValidationError[] =>
    errors.map((error) =>
      error.name === 'required'
        ? { ...error, message: lang === 'en' ? 'is required' : '此项为必填' }
        : error,
    );
}
