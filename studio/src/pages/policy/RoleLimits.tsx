/** The roles' authority limits (核决上限) and the matrix rows each role approves in. */
import { useTranslation } from 'react-i18next';
import { labelText } from '../../i18n/index.ts';
import type { SectionProps } from './editor.ts';
import { TableHead } from '../../components/TableHead.tsx';
import { RoleLimitRow } from './RoleLimitRow.tsx';

/** The limits of the roles that have one or approve somewhere; a way to give another role one. */
export function RoleLimits({
  policy,
  update,
  problemsAt,
  focusedRole,
}: Pick<SectionProps, 'policy' | 'update' | 'problemsAt'> & { focusedRole?: string }) {
  const { t, i18n } = useTranslation('policy');
  const lang = i18n.language;
  const inChains = new Set(policy.approvals.rows.flatMap((r) => r.chain));
  const roles = Object.entries(policy.roles).filter(
    ([id, role]) => role.authorityLimit !== undefined || inChains.has(id),
  );
  const others = Object.entries(policy.roles).filter(([id]) => !roles.some(([r]) => r === id));
  return (
    <section className="policy-a-block">
      <h3>{t('approvals.limitsTitle')}</h3>
      <p className="help">{t('approvals.limitsIntro')}</p>
      <table className="policy-table" data-testid="role-limits">
        <TableHead columns={[t('approvals.role'), t('approvals.limit'), t('approvals.usedIn')]} />
        <tbody>
          {roles.map(([id, role]) => (
            <RoleLimitRow
              key={id}
              id={id}
              role={role}
              focused={focusedRole === id}
              policy={policy}
              update={update}
              problemsAt={problemsAt}
            />
          ))}
        </tbody>
      </table>
      {others.length > 0 && (
        <label className="inline">
          {t('approvals.giveLimit')}{' '}
          <select
            value=""
            onChange={(e) => {
              const id = e.target.value;
              if (id) update((d) => void (d.roles[id] && (d.roles[id].authorityLimit = 0)));
            }}
          >
            <option value="">{t('approvals.pickRole')}</option>
            {others.map(([id, role]) => (
              <option key={id} value={id}>
                {labelText(role.label, lang) || id}
              </option>
            ))}
          </select>
        </label>
      )}
    </section>
  );
}
