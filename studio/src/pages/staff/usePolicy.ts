/** A published policy version of the company: the latest, or the number a case was opened under. */
import { useSession } from '../../session.tsx';
import type { PublishedPolicy } from '../../api/types.ts';
import { useAsync, type AsyncState } from '../../components/useAsync.ts';

export function usePolicy(
  company: string,
  version: number | 'latest' | undefined,
): AsyncState<PublishedPolicy> {
  const { api } = useSession();
  return useAsync(
    () =>
      version === undefined
        ? new Promise<PublishedPolicy>(() => {})
        : api.get(`/companies/${company}/policy/versions/${version}`),
    [company, version, api],
  );
}
