import { useTranslation } from 'react-i18next';

import { Link } from '../app/router';
import type { CategoryGroupId, CategoryRef, NamedRef } from '../api/types';

/** Renders the cell that identifies the row as a real link, so keyboard users open the record with Enter. */
export function RecordLinkCell({ href, text }: { href: string; text: string }) {
  return (
    <Link to={href} className="cell-link" title={text}>
      {text}
    </Link>
  );
}

export function TextCell({ value }: { value: string | null | undefined }) {
  if (value === null || value === undefined || value === '') return <span className="cell-empty" aria-hidden="true" />;
  return (
    <span className="cell-text" title={value}>
      {value}
    </span>
  );
}

export function CategoryCell({ category }: { category: CategoryRef | null }) {
  const { t } = useTranslation();
  if (category === null) return <span className="cell-empty" aria-hidden="true" />;
  return (
    <span className="cell-text" title={category.name}>
      {category.name}
      {category.deleted ? <span className="muted"> {t('common.deletedSuffix')}</span> : null}
    </span>
  );
}

export function CategoryGroupCell({ group }: { group: CategoryGroupId | null }) {
  const { t } = useTranslation();
  if (group === null) return <span className="cell-empty" aria-hidden="true" />;
  return <span className="cell-text">{t(`categoryGroups.${group}`)}</span>;
}

export function OwnerCell({ owner }: { owner: NamedRef | null }) {
  return <TextCell value={owner?.name} />;
}

export function YesNoCell({ value }: { value: boolean }) {
  const { t } = useTranslation();
  return <span className="cell-text">{value ? t('common.yes') : t('common.no')}</span>;
}
