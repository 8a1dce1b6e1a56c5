/** The shape of a section's catalogue: the same keys in every language, typed by the Chinese. */
import type { Lang } from '../../../i18n/index.ts';

/** One section's messages in every language; English must carry exactly the Chinese keys. */
export type Catalogue<Messages> = Record<Lang, Messages>;
