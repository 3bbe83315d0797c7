import type { TFunction } from 'i18next';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { useLeadStatuses } from '../api/queries';
import type { Criterion, Language, SelectionEntity } from '../api/types';
import { CriteriaBuilder } from '../find/CriteriaBuilder';
import { criteriaProblems } from '../find/criteriaErrors';
import { draftForEntity, lineErrorsOf, toCriteria, toDraft, type DraftSet } from '../find/draft';
import { Dialog } from '../ui/Dialog';
import { describeError } from '../ui/errors';
import { Field } from '../ui/Field';
import type { PeriodField, PeriodRange, Tile, TileMeasure, TileType } from './dashboardApi';
import { newTileId } from './tileLayout';
import { tileTitle } from './tileTitle';

export const TILE_TYPES: TileType[] = ['bigNumber', 'column', 'bar', 'pie', 'line', 'funnel', 'conversion', 'timeInStatus', 'list'];
const MEASURES: TileMeasure[] = ['count', 'avgDaysInStatus', 'minDaysInStatus', 'maxDaysInStatus'];
export const PERIOD_RANGES: PeriodRange[] = ['today', 'thisWeek', 'thisMonth', 'thisQuarter', 'thisYear', 'yearToDate', 'lastNDays'];
const PERIOD_FIELDS: PeriodField[] = ['registeredAt', 'leadStatusChangedAt'];
const MAX_TITLE_LENGTH = 100;
const MAX_DAYS = 3660;
const NO_LINE_ERRORS = new Map<number, string>();

/** Fields a tile can group by, per entity; lead status and lead source belong to persons only. */
const GROUP_FIELDS: Record<SelectionEntity, string[]> = {
  person: ['leadStatus', 'category', 'categoryGroup', 'owner', 'leadSource'],
  company: ['category', 'categoryGroup', 'owner'],
};

/** Tile types whose numbers the type itself defines, so the dialog shows no measure. */
const COUNTED_TYPES: TileType[] = ['list', 'funnel', 'conversion', 'timeInStatus'];

/** Tile types that follow the lead status history, and so count persons only. */
const HISTORY_TYPES: TileType[] = ['funnel', 'conversion', 'timeInStatus'];

/** Tile types that draw one bar, slice or point per group, and so need a "by" field. */
const GROUPED_TYPES: TileType[] = ['pie', 'bar', 'column'];

/**
 * A failed request that contained the tile's criteria: the error, the criteria as sent, and the
 * JSON pointer to them in the request, such as "/tiles/2/criteria" or "/tile/criteria".
 */
export interface TileCriteriaError {
  error: unknown;
  criteria: Criterion[][];
  path: string;
}

interface TileDialogProps {
  open: boolean;
  /** The tile being changed, or null for a new tile. */
  tile: Tile | null;
  language: Language;
  busy: boolean;
  /** Error of the last save, or null. */
  error: unknown;
  /** The failed request whose problems with the criteria show at the lines, or null. */
  criteriaError: TileCriteriaError | null;
  onSubmit: (tile: Omit<Tile, 'layout'> & { layout?: Tile['layout'] }) => void;
  onClose: () => void;
}

interface TileForm {
  type: TileType;
  title: string;
  entity: SelectionEntity;
  draft: DraftSet[];
  measure: TileMeasure;
  by: string;
  periodRange: PeriodRange | '';
  periodField: PeriodField;
  days: string;
  /** Conversion tiles: the ids of the lead statuses from and to, as select values. */
  fromStatus: string;
  toStatus: string;
}

function formOf(t: TFunction, tile: Tile | null): TileForm {
  return {
    type: tile?.type ?? 'column',
    title: tile === null ? '' : tileTitle(t, tile),
    entity: tile?.entity ?? 'person',
    draft: toDraft(tile?.criteria ?? []),
    measure: tile?.measure ?? 'count',
    by: tile?.by ?? '',
    periodRange: tile?.period?.range ?? '',
    periodField: tile?.period?.field ?? 'registeredAt',
    days: String(tile?.period?.days ?? 30),
    fromStatus: tile?.type === 'conversion' && tile.steps?.[0] !== undefined ? String(tile.steps[0]) : '',
    toStatus: tile?.type === 'conversion' && tile.steps?.[1] !== undefined ? String(tile.steps[1]) : '',
  };
}

/** Adds or changes a tile: its type, title, records (criteria), measure, grouping and period. */
export function TileDialog({ open, tile, language, busy, error, criteriaError, onSubmit, onClose }: TileDialogProps) {
  const { t } = useTranslation();
  const [form, setForm] = useState<TileForm>(() => formOf(t, tile));
  const [touched, setTouched] = useState(false);
  const statuses = useLeadStatuses(language);

  useEffect(() => {
    if (open) {
      setForm(formOf(t, tile));
      setTouched(false);
    }
  }, [open, tile, t]);

  function update(changes: Partial<TileForm>) {
    setForm((current) => ({ ...current, ...changes }));
  }

  /** Changes the type; a type that follows the status history switches the records to persons. */
  function changeType(type: TileType) {
    if (!HISTORY_TYPES.includes(type) || form.entity === 'person') {
      update({ type });
      return;
    }
    update({ type, entity: 'person', draft: draftForEntity(form.draft, form.entity, 'person') });
  }

  const errors = validate(form);
  const message = (key: keyof typeof errors) => (touched && errors[key] !== undefined ? t(errors[key]) : undefined);
  const problems = criteriaError === null ? null : criteriaProblems(t, language, criteriaError.error, criteriaError.criteria, criteriaError.path);
  const lineErrors = problems === null || criteriaError === null ? NO_LINE_ERRORS : lineErrorsOf(form.draft, criteriaError.criteria, problems.lines);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (Object.keys(errors).length > 0) return;
    const grouped = GROUPED_TYPES.includes(form.type);
    // A funnel's steps are lead statuses, so it is grouped by lead status without asking.
    let by: string | null = null;
    if (grouped) by = form.by;
    else if (form.type === 'funnel') by = 'leadStatus';
    onSubmit({
      id: tile?.id ?? newTileId(),
      type: form.type,
      // A default tile's title shows in the user's language; left as shown, it stays the stored one,
      // so that it keeps following each user's language.
      title: tile !== null && form.title.trim() === tileTitle(t, tile) ? tile.title : form.title.trim(),
      entity: form.entity,
      criteria: toCriteria(form.draft),
      measure: COUNTED_TYPES.includes(form.type) ? 'count' : form.measure,
      by,
      period:
        form.periodRange === ''
          ? null
          : { field: form.periodField, range: form.periodRange, ...(form.periodRange === 'lastNDays' ? { days: Number(form.days) } : {}) },
      ...keptSettings(tile, form),
      ...(form.type === 'conversion' ? { steps: [Number(form.fromStatus), Number(form.toStatus)] } : {}),
      ...(tile === null ? {} : { layout: tile.layout }),
    });
  }

  const grouped = GROUPED_TYPES.includes(form.type);
  const hasMeasure = !COUNTED_TYPES.includes(form.type);
  const statusOptions = (statuses.data ?? []).filter((status) => !status.deleted);

  return (
    <Dialog
      title={tile === null ? t('dashboards.tile.addTitle') : t('dashboards.tile.editTitle')}
      open={open}
      onClose={onClose}
      size="large"
      footer={
        <>
          <button type="button" className="button button-ghost" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" form="tile-form" className="button button-primary" disabled={busy}>
            {tile === null ? t('dashboards.tile.add') : t('common.save')}
          </button>
        </>
      }
    >
      <form id="tile-form" className="form-stack tile-form" onSubmit={handleSubmit} noValidate>
        <div className="form-grid">
          <Field label={t('dashboards.tile.type')}>
            {(control) => (
              <select {...control} value={form.type} onChange={(event) => changeType(event.target.value as TileType)}>
                {TILE_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`dashboards.types.${type}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('dashboards.tile.title')} required error={message('title')}>
            {(control) => <input {...control} type="text" value={form.title} onChange={(event) => update({ title: event.target.value })} />}
          </Field>
          <Field label={t('dashboards.tile.entity')} error={message('entity')}>
            {(control) => (
              <select
                {...control}
                value={form.entity}
                onChange={(event) => {
                  const entity = event.target.value as SelectionEntity;
                  update({
                    entity,
                    draft: draftForEntity(form.draft, form.entity, entity),
                    by: GROUP_FIELDS[entity].includes(form.by) ? form.by : '',
                    measure: entity === 'company' ? 'count' : form.measure,
                  });
                }}
              >
                <option value="person">{t('dashboards.entities.person')}</option>
                {HISTORY_TYPES.includes(form.type) && form.entity === 'person' ? null : (
                  <option value="company">{t('dashboards.entities.company')}</option>
                )}
              </select>
            )}
          </Field>
          {hasMeasure ? (
            <Field label={t('dashboards.tile.measure')}>
              {(control) => (
                <select {...control} value={form.measure} onChange={(event) => update({ measure: event.target.value as TileMeasure })}>
                  {MEASURES.filter((measure) => measure === 'count' || form.entity === 'person').map((measure) => (
                    <option key={measure} value={measure}>
                      {t(`dashboards.measures.${measure}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          {grouped ? (
            <Field label={t('dashboards.tile.by')} required error={message('by')}>
              {(control) => (
                <select {...control} value={form.by} onChange={(event) => update({ by: event.target.value })}>
                  <option value="">{t('dashboards.tile.chooseBy')}</option>
                  {GROUP_FIELDS[form.entity].map((field) => (
                    <option key={field} value={field}>
                      {t(`fields.${field}` as 'fields.leadStatus')}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          {form.type === 'conversion' ? (
            <>
              <StatusField
                label={t('dashboards.conversionTile.from')}
                value={form.fromStatus}
                statuses={statusOptions}
                error={message('fromStatus')}
                onChange={(fromStatus) => update({ fromStatus })}
              />
              <StatusField
                label={t('dashboards.conversionTile.to')}
                value={form.toStatus}
                statuses={statusOptions}
                error={message('toStatus')}
                onChange={(toStatus) => update({ toStatus })}
              />
            </>
          ) : null}
          <Field label={t('dashboards.tile.period')} error={message('period')} hint={periodHint(t, form.type)}>
            {(control) => (
              <select {...control} value={form.periodRange} onChange={(event) => update({ periodRange: event.target.value as PeriodRange | '' })}>
                <option value="">{t('dashboards.tile.noPeriod')}</option>
                {PERIOD_RANGES.map((range) => (
                  <option key={range} value={range}>
                    {t(`dashboards.periods.${range}`, { count: Number(form.days) || 30 })}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {form.periodRange === '' ? null : (
            <Field label={t('dashboards.tile.periodField')}>
              {(control) => (
                <select {...control} value={form.periodField} onChange={(event) => update({ periodField: event.target.value as PeriodField })}>
                  {PERIOD_FIELDS.map((field) => (
                    <option key={field} value={field}>
                      {t(`fields.${field}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          {form.periodRange === 'lastNDays' ? (
            <Field label={t('dashboards.tile.days')} required error={message('days')}>
              {(control) => (
                <input {...control} type="number" min={1} max={MAX_DAYS} value={form.days} onChange={(event) => update({ days: event.target.value })} />
              )}
            </Field>
          ) : null}
        </div>
        <fieldset className="tile-criteria">
          <legend className="section-title">{t('dashboards.tile.criteria')}</legend>
          <p className="field-hint">{t('dashboards.tile.criteriaHint')}</p>
          <CriteriaBuilder entity={form.entity} draft={form.draft} onChange={(draft) => update({ draft })} errors={lineErrors} language={language} />
          {problems === null || problems.general.length === 0 ? null : (
            <div className="notice notice-error" role="alert">
              {problems.general.map((text) => (
                <p key={text}>{text}</p>
              ))}
            </div>
          )}
        </fieldset>
        {error ? (
          <div className="notice notice-error" role="alert">
            <p>{describeError(t, error)}</p>
          </div>
        ) : null}
      </form>
    </Dialog>
  );
}

interface StatusFieldProps {
  label: string;
  value: string;
  statuses: Array<{ id: number; name: string }>;
  error: string | undefined;
  onChange: (value: string) => void;
}

/** Renders a required choice of one lead status, by id. */
function StatusField({ label, value, statuses, error, onChange }: StatusFieldProps) {
  const { t } = useTranslation();
  return (
    <Field label={label} required error={error}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">{t('dashboards.conversionTile.chooseStatus')}</option>
          {statuses.map((status) => (
            <option key={status.id} value={String(status.id)}>
              {status.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/**
 * Returns the settings of a tile that the dialog does not edit: a list's sort and row limit and a
 * funnel's steps. They stay while the tile keeps its type and records, and are dropped otherwise,
 * since a sort or steps may not fit another type or entity.
 */
function keptSettings(tile: Tile | null, form: TileForm): Pick<Tile, 'sort' | 'limit' | 'steps'> {
  if (tile === null || tile.type !== form.type || tile.entity !== form.entity) return {};
  const kept: Pick<Tile, 'sort' | 'limit' | 'steps'> = {};
  if (tile.sort !== undefined) kept.sort = tile.sort;
  if (tile.limit !== undefined) kept.limit = tile.limit;
  // A conversion's steps are the two statuses of the dialog.
  if (tile.steps !== undefined && form.type !== 'conversion') kept.steps = tile.steps;
  return kept;
}

type TileFormErrors = Partial<
  Record<
    'title' | 'by' | 'period' | 'days' | 'entity' | 'fromStatus' | 'toStatus',
    | 'validation.required'
    | 'dashboards.tile.titleTooLong'
    | 'dashboards.tile.lineNeedsPeriod'
    | 'dashboards.tile.daysInvalid'
    | 'dashboards.tile.funnelPersons'
    | 'dashboards.tile.historyPersons'
    | 'dashboards.conversionTile.sameStatus'
  >
>;

/** Returns the hint under the period: what the period selects, where a tile type gives it its own meaning. */
function periodHint(t: TFunction, type: TileType): string | undefined {
  if (type === 'line') return t('dashboards.tile.lineNeedsPeriod');
  if (type === 'timeInStatus') return t('dashboards.tile.timeInStatusPeriod');
  if (type === 'conversion') return t('dashboards.tile.conversionPeriod');
  return undefined;
}

function validate(form: TileForm): TileFormErrors {
  const errors: TileFormErrors = {};
  const title = form.title.trim();
  if (title === '') errors.title = 'validation.required';
  else if (title.length > MAX_TITLE_LENGTH) errors.title = 'dashboards.tile.titleTooLong';
  if (GROUPED_TYPES.includes(form.type) && form.by === '') errors.by = 'validation.required';
  if (form.type === 'line' && form.periodRange === '') errors.period = 'dashboards.tile.lineNeedsPeriod';
  if (form.type === 'funnel' && form.entity !== 'person') errors.entity = 'dashboards.tile.funnelPersons';
  else if (HISTORY_TYPES.includes(form.type) && form.entity !== 'person') errors.entity = 'dashboards.tile.historyPersons';
  if (form.type === 'conversion') {
    if (form.fromStatus === '') errors.fromStatus = 'validation.required';
    if (form.toStatus === '') errors.toStatus = 'validation.required';
    else if (form.toStatus === form.fromStatus) errors.toStatus = 'dashboards.conversionTile.sameStatus';
  }
  if (form.periodRange === 'lastNDays') {
    const days = Number(form.days);
    if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) errors.days = 'dashboards.tile.daysInvalid';
  }
  return errors;
}
