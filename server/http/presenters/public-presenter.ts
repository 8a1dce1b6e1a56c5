/** The public complaint form and a filed complaint as the API answers them (no sign-in). */
import type { FiledComplaint, PublicFormView } from '../../app/public/public-complaints.ts';
import type { Label, Lang } from '../../domain/policy/format.ts';
import type { FiledComplaintAnswer, PublicFormAnswer } from '../contract/public.ts';

/** The body field the public page hides from people: a bot that fills it is refused. */
export const HONEYPOT_FIELD = 'website';

const labelIn = (label: Label | undefined, lang: Lang) =>
  (lang === 'en' ? label?.en : undefined) || label?.['zh-CN'];

/** The form with its title and introduction in `lang`. */
export function presentPublicForm(view: PublicFormView, lang: Lang): PublicFormAnswer {
  const intro = labelIn(view.form.description, lang);
  return {
    company: view.company,
    title: labelIn(view.form.title, lang) ?? view.company.name,
    ...(intro ? { intro } : {}),
    form: view.form,
    honeypot: HONEYPOT_FIELD,
    attachments: view.attachments,
  };
}

/** A filed complaint, with the studio's follow page for its token. */
export function presentFiledComplaint(
  company: string,
  filed: FiledComplaint,
): FiledComplaintAnswer {
  return {
    number: filed.number,
    receivedAt: filed.receivedAt,
    followToken: filed.token,
    followPath: `#/public/${encodeURIComponent(company)}/follow/${encodeURIComponent(filed.token)}`,
  };
}
