/**
 * The actions the reader may take now, each opening its stage form; a remedy proposal previews its
 * approver chain as the amount is typed. Submits with the case version read. Actions the reader's
 * roles allow but the server would refuse now are not offered: the server's reason is shown instead.
 */
import type { ErrorSchema } from '@rjsf/utils';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import type { CaseView, Policy } from '../../api/types.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { labelText } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import { ChainPreview } from './ChainPreview.tsx';
import { fieldErrorSchema, valueAt } from '../../components/policy-forms.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { StaffForm } from './StaffForm.tsx';

type Props = {
  company: string;
  policy: Policy;
  view: CaseView;
  /** After an action: its label and the case version it produced. */
  onDone: (actionLabel: string, version: number) => void;
  onReload: () => void;
  /** Told when a stage form's attachment field stored a file on the case. */
  onAttached?: () => void;
};

export function CaseActions({ company, policy, view, onDone, onReload, onAttached }: Props) {
  const { t, i18n } = useTranslation('staff');
  const { api } = useSession();
  const lang = i18n.language;
  const [open, setOpen] = useState<string | null>(null);
  const [data, setData] = useState<Record<string, unknown>>({});
  const { busy, failure, setFailure, run } = useSubmit();
  const [extraErrors, setExtraErrors] = useState<ErrorSchema>();
  const attachmentCase = useMemo(
    () => ({
      company,
      caseId: view.case.id,
      attachments: view.attachments ?? [],
      ...(onAttached ? { onAdded: onAttached } : {}),
    }),
    [company, view.case.id, view.attachments, onAttached],
  );

  if (view.actions.length === 0) return <p className="muted">{t('case.noActions')}</p>;
  const offered = view.actions.filter((a) => a.allowed);
  const waiting = view.actions.filter((a) => !a.allowed);
  const action = offered.find((a) => a.id === open);
  const transition = policy.workflow.transitions.find((tr) => tr.id === open);
  const form = action?.form ? policy.forms[action.form] : undefined;
  const label = (a: CaseView['actions'][number]) =>
    labelText(a.label as Parameters<typeof labelText>[0], lang) || a.id;

  const start = (id: string) => {
    setOpen(id);
    setData({});
    setFailure(undefined);
    setExtraErrors(undefined);
  };
  const submit = async (formData: Record<string, unknown>) => {
    if (!action) return;
    setExtraErrors(undefined);
    await run(
      async () => {
        const acted = await api.post(`/companies/${company}/cases/${view.case.id}/actions`, {
          transition: action.id,
          ...(action.form ? { data: formData } : {}),
          expectedVersion: view.version,
        });
        setOpen(null);
        onDone(label(action), acted.version);
      },
      (error) => setExtraErrors(fieldErrorSchema(error)),
    );
  };
  const stale = failure instanceof ApiError && failure.code === 'stale_version';
  const fieldErrors = failure instanceof ApiError && failure.fieldErrors.length > 0;
  return (
    <div className="staff-actions">
      <div className="toolbar">
        {offered.map((a) => (
          <button
            key={a.id}
            type="button"
            className={a.id === open ? 'primary' : ''}
            aria-expanded={a.id === open}
            data-testid={`action-${a.id}`}
            onClick={() => start(a.id)}
          >
            {label(a)}
          </button>
        ))}
      </div>
      {waiting.length > 0 && (
        <div className="staff-actions-waiting">
          <h3>{t('case.notNow')}</h3>
          <ul>
            {waiting.map((a) => (
              <li key={a.id} data-testid={`waiting-${a.id}`}>
                <strong>{label(a)}</strong> <span className="muted">{a.refusal?.message}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {action && (
        <div className="staff-action-panel">
          <h3>{label(action)}</h3>
          {stale ? (
            <div className="error-panel" role="alert">
              <p>{t('case.stale')}</p>
              <button type="button" className="primary" onClick={onReload}>
                {t('case.reload')}
              </button>
            </div>
          ) : failure !== undefined && fieldErrors ? (
            <p className="field-error" role="alert">
              {(failure as ApiError).message} {t('case.fixFields')}
            </p>
          ) : failure !== undefined ? (
            <ErrorPanel error={failure} />
          ) : null}
          <div className="staff-action-body">
            {form ? (
              <StaffForm
                name={label(action)}
                form={form}
                formData={data}
                onChange={(next) => {
                  setData(next);
                  if (extraErrors) setExtraErrors(undefined);
                }}
                onSubmit={(formData) => void submit(formData)}
                submitText={t('case.submitAction')}
                disabled={busy}
                attachmentCase={attachmentCase}
                {...(extraErrors ? { extraErrors } : {})}
              />
            ) : (
              <button
                type="button"
                className="primary"
                disabled={busy}
                onClick={() => void submit({})}
              >
                {t('case.confirmAction')}
              </button>
            )}
            {transition?.effect === 'proposeRemedy' && (
              <ChainPreview
                policy={policy}
                amount={valueAt(data, policy.approvals.amountField)}
                categories={view.case.categories}
                requiredApprovals={view.case.requiredApprovals}
              />
            )}
          </div>
          <button type="button" onClick={() => setOpen(null)}>
            {t('case.cancel')}
          </button>
        </div>
      )}
    </div>
  );
}
