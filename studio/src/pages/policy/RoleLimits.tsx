/**
 * The roles (角色) and their authority limits (核决上限): every role with its names, limit and the
 * matrix rows it approves in; a role added (names and code) or removed — a removal names at once
 * every place that still refers to the role.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { labelText } from '../../i18n/index.ts';
import { AddPartForm } from './AddPartForm.tsx';
import type { SectionProps } from './editor.ts';
import { TableHead } from '../../components/TableHead.tsx';
import { RemovalNote, useRemoval } from './RemovalNote.tsx';
import { RoleHolders } from './RoleHolders.tsx';
import { RoleLimitRow } from './RoleLimitRow.tsx';

/** The roles table and the form that adds a role. */
export function RoleLimits({
  company,
  policy,
  update,
  problemsAt,
  focusedRole,
}: Pick<SectionProps, 'company' | 'policy' | 'update' | 'problemsAt'> & { focusedRole?: string }) {
  const { t, i18n } = useTranslation('policy');
  const { removal, remove, dismiss } = useRemoval(policy);
  const [removedRole, setRemovedRole] = useState<string | null>(null);
  const removeRole = (id: string) => {
    setRemovedRole(id);
    remove({ kind: 'role', id }, labelText(policy.roles[id]?.label, i18n.language) || id, () =>
      update((draft) => void delete draft.roles[id]),
    );
  };
  const close = () => {
    setRemovedRole(null);
    dismiss();
  };
  return (
    <section className="policy-a-block" aria-label={t('approvals.limitsTitle')}>
      <h3>{t('approvals.limitsTitle')}</h3>
      <p className="help">{t('approvals.limitsIntro')}</p>
      <RemovalNote removal={removal} onDismiss={close} />
      {removal && removedRole && <RoleHolders company={company} role={removedRole} />}
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
          close();
          update((draft) => void (draft.roles[id] = { label }));
        }}
      />
    </section>
  );
}
