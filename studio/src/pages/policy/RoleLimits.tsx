/**
 * The roles (角色) and their authority limits (核决上限): every role with its names, limit and the
 * matrix rows it approves in; a role added (names and code) or removed — a removal names at once
 * every place that still refers to the role.
 */
import { useTranslation } from 'react-i18next';
import { labelText } from '../../i18n/index.ts';
import { AddPartForm } from './AddPartForm.tsx';
import type { SectionProps } from './editor.ts';
import { TableHead } from '../../components/TableHead.tsx';
import { RemovalNote, useRemoval } from './RemovalNote.tsx';
import { RoleLimitRow } from './RoleLimitRow.tsx';

/** The roles table and the form that adds a role. */
export function RoleLimits({
  policy,
  update,
  problemsAt,
  focusedRole,
}: Pick<SectionProps, 'policy' | 'update' | 'problemsAt'> & { focusedRole?: string }) {
  const { t, i18n } = useTranslation('policy');
  const { removal, remove, dismiss } = useRemoval(policy);
  const removeRole = (id: string) =>
    remove({ kind: 'role', id }, labelText(policy.roles[id]?.label, i18n.language) || id, () =>
      update((draft) => void delete draft.roles[id]),
    );
  return (
    <section className="policy-a-block" aria-label={t('approvals.limitsTitle')}>
      <h3>{t('approvals.limitsTitle')}</h3>
      <p className="help">{t('approvals.limitsIntro')}</p>
      <RemovalNote removal={removal} onDismiss={dismiss} />
      <table className="policy-table" data-testid="role-limits">
        <TableHead
          columns={[
            t('approvals.role'),
            t('approvals.limit'),
            t('approvals.usedIn'),
            t('approvals.actions'),
          ]}
        />
        <tbody>
          {Object.entries(policy.roles).map(([id, role]) => (
            <RoleLimitRow
              key={id}
              id={id}
              role={role}
              focused={focusedRole === id}
              policy={policy}
              update={update}
              problemsAt={problemsAt}
              onRemove={() => removeRole(id)}
            />
          ))}
        </tbody>
      </table>
      <AddPartForm
        label={t('roles.add')}
        zhLabel={t('roles.newZh')}
        enLabel={t('roles.newEn')}
        idLabel={t('roles.newId')}
        testId="add-role"
        taken={policy.roles}
        fallback="role"
        onAdd={(id, label) => {
          dismiss();
          update((draft) => void (draft.roles[id] = { label }));
        }}
      />
    </section>
  );
}
