/** One role's authority limit (核决上限) and the matrix rows it approves in. */
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../api/types.ts';
import { labelText } from '../../i18n/index.ts';
import type { SectionProps } from './editor.ts';
import { LabelPair } from './LabelPair.tsx';
import { ProblemsHere } from './ProblemsHere.tsx';
import { RemoveButton } from './RemoveButton.tsx';
import { YuanInput } from './YuanInput.tsx';

type Props = Pick<SectionProps, 'policy' | 'update' | 'problemsAt'> & {
  id: string;
  role: Policy['roles'][string];
  focused: boolean;
  onRemove: () => void;
};

/**
 * The role's row: its names (editable; the code stays), its limit (empty for none) with the
 * check's problems, the rows it approves in, and its removal.
 */
export function RoleLimitRow({ id, role, focused, policy, update, problemsAt, onRemove }: Props) {
  const { t, i18n } = useTranslation('policy');
  const lang = i18n.language;
  const here = problemsAt(`/roles/${id}`);
  const used = policy.approvals.rows
    .map((r, i) => (r.chain.includes(id) ? i + 1 : 0))
    .filter(Boolean);
  const name = labelText(role.label, lang) || id;
  return (
    <tr
      data-testid={`role-limit-row-${id}`}
      className={
        [here.length ? 'has-problem' : '', focused ? 'policy-a-focus' : ''].join(' ').trim() ||
        undefined
      }
    >
      <th scope="row">
        <LabelPair
          value={role.label}
          name={name}
          testId={`role-${id}-label`}
          onChange={(label) =>
            update((d) => {
              const r = d.roles[id];
              if (r) r.label = label ?? { 'zh-CN': '' };
            })
          }
        />{' '}
        <code className="muted">{id}</code>
      </th>
      <td>
        <YuanInput
          label={t('approvals.limitOf', { role: name })}
          testId={`role-limit-${id}`}
          value={role.authorityLimit}
          allowEmpty
          emptyText={t('approvals.unlimited')}
          onChange={(amount) =>
            update((d) => {
              const r = d.roles[id];
              if (!r) return;
              if (amount === undefined) delete r.authorityLimit;
              else r.authorityLimit = amount;
            })
          }
        />
        <ProblemsHere problems={here} />
      </td>
      <td>
        {used.length ? t('approvals.rows', { rows: used.join(lang === 'en' ? ', ' : '、') }) : '—'}
      </td>
      <td>
        <RemoveButton label={t('roles.remove', { name })} onClick={onRemove} />
      </td>
    </tr>
  );
}
