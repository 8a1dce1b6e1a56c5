/** Forms: their validation errors in words naming the field. */
export * from './field-error-words.ts';
export * from './attachment-fields.ts';
export * from './public-form.ts';
