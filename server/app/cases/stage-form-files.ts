/**
 * The files a stage form's answers name (附件 fields): each must be a file already uploaded to the
 * same case, of a type the field accepts. What the action's audit entry lists of them.
 */
import { attachmentReferences, describeFieldError } from '../../domain/forms/index.ts';
import type { FieldError } from '../../domain/errors.ts';
import type { Lang, Policy } from '../../domain/policy/format.ts';
import { AppError } from '../app-error.ts';
import type { AppDeps } from '../ports/deps.ts';
import type { StageFormFile } from '../ports/ports.ts';

/**
 * The files the form's data names, as the audit lists them (field, id, name, type, size).
 * @throws stage_form_attachment_invalid with a field error for every field naming an id that is
 *   not a file of this case (unknown, or another case's) or a file of a type the field does not accept
 */
export async function stageFormFiles(
  deps: AppDeps,
  at: { companyId: string; caseId: string; policy: Policy; transition: string },
  data: Record<string, unknown> | undefined,
  lang: Lang,
): Promise<StageFormFile[]> {
  const formId = at.policy.workflow.transitions.find((t) => t.id === at.transition)?.form;
  const form = formId ? at.policy.forms[formId] : undefined;
  if (!form || !data) return [];
  const references = attachmentReferences(form.schema, data);
  if (references.length === 0) return [];
  const files = new Map(
    (await deps.store.attachments.list(at.companyId, at.caseId)).map((file) => [file.id, file]),
  );
  const problems: { field: string; attachment: string; reason: string }[] = [];
  const fieldErrors: FieldError[] = [];
  const found: StageFormFile[] = [];
  for (const { property, id, accept } of references) {
    const file = files.get(id);
    const reason = !file
      ? 'attachmentNotOnCase'
      : accept && !accept.includes(file.type)
        ? 'attachmentNotAccepted'
        : undefined;
    if (reason) {
      problems.push({ field: property, attachment: id, reason });
      const params = { accept: (accept ?? []).join(', ') };
      const message = describeFieldError(form, { keyword: reason, property, params }, lang);
      fieldErrors.push({ property, message });
    } else if (file) {
      found.push({ field: property, id, name: file.name, type: file.type, size: file.size });
    }
  }
  if (problems.length > 0)
    throw new AppError(
      'stage_form_attachment_invalid',
      `The form ${formId} names files that are not this case's`,
      { form: formId, problems },
      fieldErrors,
    );
  return found;
}
