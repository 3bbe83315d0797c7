import type { TFunction } from 'i18next';

import type { Language, Selection } from '../api/types';
import { formatNumber } from '../i18n/format';

export function entityLabel(t: TFunction, selection: Pick<Selection, 'entity'>): string {
  return selection.entity === 'person' ? t('selections.entity.person') : t('selections.entity.company');
}

export function kindLabel(t: TFunction, selection: Pick<Selection, 'kind'>): string {
  return selection.kind === 'dynamic' ? t('selections.kind.dynamic') : t('selections.kind.static');
}

/** Returns who sees the selection, for the list: everyone, or only its owner. */
export function visibilityLabel(t: TFunction, selection: Pick<Selection, 'visibility'>): string {
  return selection.visibility === 'everyone' ? t('selections.visibility.everyone') : t('selections.visibility.owner');
}

/**
 * Returns who sees the selection, from the user's point of view. Another user's selection is only
 * shown when it is shared with everyone.
 */
export function visibilityBadge(t: TFunction, selection: Pick<Selection, 'visibility' | 'owner'>, userId: number): string {
  if (selection.owner.id !== userId) return t('selections.badge.shared');
  return selection.visibility === 'everyone' ? t('selections.badge.everyone') : t('selections.badge.owner');
}

/** Returns the word for the records of a selection, such as "personen", for use inside sentences. */
export function recordsWord(t: TFunction, selection: Pick<Selection, 'entity'>): string {
  return selection.entity === 'person' ? t('selections.personsWord') : t('selections.companiesWord');
}

/** Returns a number of records with its noun, such as "1 persoon" or "12 bedrijven". */
export function countedRecords(t: TFunction, selection: Pick<Selection, 'entity'>, count: number, language: Language): string {
  const options = { count, formatted: formatNumber(count, language) };
  return selection.entity === 'person' ? t('selections.personCount', options) : t('selections.companyCount', options);
}

/**
 * Folds a name for searching: case and accents are ignored, so "cafe" finds "Café".
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase();
}
