/** One affected case of a backtest: each difference under the version it ran under and the draft, with why. */
import { useTranslation } from 'react-i18next';
import type { Backtest, Policy } from '../../api/types.ts';
import { TableHead } from '../../components/TableHead.tsx';
import { detailRows } from './backtest-text.ts';

type Props = { affected: Backtest['affected'][number]; policy: Policy; onClose: () => void };

export function BacktestCaseDetail({ affected, policy, onClose }: Props) {
  const { t, i18n } = useTranslation('policy');
  const rows = detailRows(
    affected.differences,
    affected.before,
    affected.after,
    policy,
    i18n.language,
    t,
  );
  return (
    <section
      className="policy-a-block"
      data-testid="backtest-detail"
      aria-labelledby="backtest-detail-title"
    >
      <h4 id="backtest-detail-title">{t('backtest.detail', { number: affected.number })}</h4>
      <table className="policy-table">
        <TableHead columns={['', t('backtest.before'), t('backtest.after')]} />
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              <th scope="row">{row.what}</th>
              <td>{row.before}</td>
              <td>{row.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={onClose}>
        {t('backtest.close')}
      </button>
    </section>
  );
}
